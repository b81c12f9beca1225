package com.medsales.utilization.internal;

import com.medsales.ingest.Dataset;
import com.medsales.ingest.DemoFiles;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The real CMS rows bundled for the demo: the Part B Mohs-surgery rows of every year of the extract
 * (2013 to 2019 and 2021: about 1,700 surgeons have all eight, with their percentiles); the first
 * rows of the 2013 Part D release. The 2023 rows of twelve providers (no Mohs code among them),
 * kept beside them for the tests and the benchmark, are not loaded: as the latest data year they
 * would be what every volume search reads by default, and find almost nothing.
 */
@Configuration(proxyBeanMethods = false)
class UtilizationDemo {

  @Bean
  DemoFiles partBDemo() {
    return new DemoFiles(
        Dataset.PART_B,
        "partb",
        List.of(
            mohs(2013),
            mohs(2014),
            mohs(2015),
            mohs(2016),
            mohs(2017),
            mohs(2018),
            mohs(2019),
            mohs(2021)));
  }

  /**
   * A data year of the Mohs-surgery extract (HCPCS 17311-17315, all states), the year read from the
   * file name.
   */
  private static DemoFiles.File mohs(int year) {
    return DemoFiles.File.of(
        "/demo/partb/MUP_PHY_by_provider_and_service_" + year + "_mohs_17311-17315.csv");
  }

  @Bean
  DemoFiles partDDemo() {
    return new DemoFiles(
        Dataset.PART_D,
        "partd",
        List.of(
            new DemoFiles.File(
                "/demo/partd/PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab", 2013)));
  }
}
