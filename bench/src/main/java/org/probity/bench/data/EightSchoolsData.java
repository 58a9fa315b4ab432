package org.probity.bench.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import org.probity.data.StrictJson;

/** The classic eight schools data (Rubin 1981): estimated effects y and standard errors sigma. */
public record EightSchoolsData(@JsonProperty("J") int j, @JsonProperty("y") double[] y,
    @JsonProperty("sigma") double[] sigma) {

  /** Checks the lengths against J and that the standard errors are positive. */
  public EightSchoolsData {
    StrictJson.checkLength("y", y.length, "J", j);
    StrictJson.checkLength("sigma", sigma.length, "J", j);
    Json.checkPositive("sigma", sigma);
  }

  /** Reads {@code eight_schools.json} from a directory. */
  public static EightSchoolsData read(Path dir) {
    return Json.read(dir.resolve("eight_schools.json"), EightSchoolsData.class);
  }

  /** The classic data, built in. */
  public static EightSchoolsData classic() {
    return new EightSchoolsData(8, new double[] {28, 8, -3, 7, -1, 1, 18, 12},
        new double[] {15, 10, 16, 11, 9, 11, 10, 18});
  }
}
