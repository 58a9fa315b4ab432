package org.probity.spark;

import org.apache.spark.Partitioner;

/**
 * Which partition fits a group: the group key's {@link Seeds#keyIndex} (FNV-1a, then mixed) modulo
 * the number of partitions. Spark's {@link org.apache.spark.HashPartitioner} takes
 * {@code String.hashCode()} modulo n, which spreads keys such as {@code g0000 ... g0999} badly (into
 * 1,000 / 64 = 15.6 a partition on average, it leaves 10 of 64 partitions empty and puts 38 groups in
 * others), and a fit's time is the sum of its partition's groups.
 */
final class GroupPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;
  private final int partitions;

  /** A partitioner into {@code partitions} (at least 1) partitions. */
  GroupPartitioner(int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("the groups need at least 1 partition, got " + partitions);
    }
    this.partitions = partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return (int) Long.remainderUnsigned(Seeds.keyIndex((String) key), partitions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GroupPartitioner p && p.partitions == partitions;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(partitions);
  }
}
