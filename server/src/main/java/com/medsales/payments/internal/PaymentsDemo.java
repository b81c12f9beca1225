package com.medsales.payments.internal;

import com.medsales.ingest.Dataset;
import com.medsales.ingest.DemoFiles;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The real Open Payments rows bundled for the demo: general payments of 2016 and 2024, research
 * payments of 2014 (Iowa), ownership interests of 2016.
 */
@Configuration(proxyBeanMethods = false)
class PaymentsDemo {

  @Bean
  DemoFiles openPaymentsDemo() {
    return new DemoFiles(
        Dataset.OPEN_PAYMENTS,
        "openpayments",
        List.of(
            DemoFiles.File.of("/demo/openpayments/OP_DTL_GNRL_PGYR2016_P06302017_small.csv"),
            DemoFiles.File.of(
                "/demo/openpayments/OP_DTL_GNRL_PGYR2024_sample_rows805-934_transcribed.csv")));
  }

  @Bean
  DemoFiles openPaymentsResearchDemo() {
    return new DemoFiles(
        Dataset.OPEN_PAYMENTS,
        "openpayments-research",
        List.of(DemoFiles.File.of("/demo/openpayments/OP_DTL_RSRCH_PGYR2014_iowa_rewritten.csv")));
  }

  @Bean
  DemoFiles openPaymentsOwnershipDemo() {
    return new DemoFiles(
        Dataset.OPEN_PAYMENTS,
        "openpayments-ownership",
        List.of(
            DemoFiles.File.of("/demo/openpayments/OP_DTL_OWNRSHP_PGYR2016_P06302017_small.csv")));
  }
}
