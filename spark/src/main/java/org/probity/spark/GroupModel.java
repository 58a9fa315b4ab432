package org.probity.spark;

import java.io.Serializable;
import org.probity.core.Prob;

/**
 * A model of one group's data that travels: builds the group's {@code Prob} from its data on the
 * executor (a class with a no-argument constructor, or a record of settings and {@link Shared}
 * data).
 */
@FunctionalInterface
public interface GroupModel extends Serializable {
  /** The model of one group's data. */
  Prob<?> build(GroupData data);
}
