package com.medsales.payments.internal;

import com.medsales.ingest.Dataset;
import com.medsales.ingest.DemoFiles;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The real General Payments rows bundled for the demo: program years 2016 and 2024. */
@Configuration(proxyBeanMethods = false)
class PaymentsDemo {

  @Bean
  DemoFiles openPaymentsDemo() {
    return new DemoFiles(Dataset.OPEN_PAYMENTS, "openpayments", List.of(
        DemoFiles.File.of("/demo/openpayments/OP_DTL_GNRL_PGYR2016_P06302017_small.csv"),
        DemoFiles.File.of("/demo/openpayments/OP_DTL_GNRL_PGYR2024_sample_rows805-934_transcribed.csv")));
  }
}
