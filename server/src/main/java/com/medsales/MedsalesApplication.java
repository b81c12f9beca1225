package com.medsales;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one MedSales application. Which parts run (API, ingestion worker, notification worker) is
 * chosen by {@code medsales.roles}; {@code java -jar medsales.jar} with no arguments runs the
 * platform, and {@code java -jar medsales.jar <command>} runs a command-line job and exits (see
 * {@link Cli}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MedsalesApplication {

  public static void main(String[] args) {
    Cli.main(args);
  }
}
