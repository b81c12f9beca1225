package com.medsales.utilization.internal;

import com.medsales.ingest.Dataset;
import com.medsales.ingest.DemoFiles;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The real CMS rows bundled for the demo: Part B Mohs-surgery rows of 2019 and 2021 and 2023 rows of twelve
 * providers; the first rows of the 2013 Part D release.
 */
@Configuration(proxyBeanMethods = false)
class UtilizationDemo {

  @Bean
  DemoFiles partBDemo() {
    return new DemoFiles(Dataset.PART_B, "partb", List.of(
        DemoFiles.File.of("/demo/partb/MUP_PHY_by_provider_and_service_2019_mohs_17311-17315.csv"),
        DemoFiles.File.of("/demo/partb/MUP_PHY_by_provider_and_service_2021_mohs_17311-17315.csv"),
        DemoFiles.File.of("/demo/partb/derived_2023_sample_37_rewritten_by_api_client.csv")));
  }

  @Bean
  DemoFiles partDDemo() {
    return new DemoFiles(Dataset.PART_D, "partd", List.of(
        new DemoFiles.File("/demo/partd/PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab", 2013)));
  }
}
