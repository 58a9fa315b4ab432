package org.probity.spark;

import org.apache.spark.sql.SparkSession;

/** Spark sessions in local mode for the tests (no web UI, few shuffle partitions). */
final class LocalSpark {
  private LocalSpark() {
  }

  /** A session on {@code master}, e.g. local[1], local[4], or local[4,2] (2 attempts per task). */
  static SparkSession start(String master) {
    return SparkSession.builder().master(master).appName("probity-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.locality.wait", "0")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
