package com.medsales.ingest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Real sample files a module bundles for {@code MEDSALES_DEMO_DATA}: declared as a bean, loaded in
 * order on the first start at which the dataset has never been ingested.
 *
 * @param resources classpath resources, loaded in this order
 */
public record DemoFiles(Dataset dataset, String kind, List<File> resources) {

  /** A bundled file and, for a CMS file whose name does not tell it, its data year. */
  public record File(String resource, @Nullable Integer year) {
    public static File of(String resource) {
      return new File(resource, null);
    }
  }
}
