package com.medsales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTests {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Cli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void helpListsTheCommandsAndExitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: medsales").contains("serve").contains("migrate");
  }

  @Test
  void unknownCommandIsRefusedWithNonZeroExit() {
    assertThat(run("frobnicate", "--now")).isNotZero();
  }

  @Test
  void createsATenantAndAnOperatorPrintingEachPasswordOnce(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
    var stdout = new java.io.ByteArrayOutputStream();
    var previous = System.out;
    System.setOut(new java.io.PrintStream(stdout, true));
    try {
      assertThat(
              run(
                  "create-tenant",
                  "acme",
                  "Acme Devices",
                  "--admin",
                  "acme-admin",
                  "--medsales.home=" + home))
          .isZero();
      assertThat(run("create-operator", "acme-ops", "--medsales.home=" + home)).isZero();
      assertThat(
              run(
                  "create-tenant",
                  "acme",
                  "Acme again",
                  "--admin",
                  "acme-admin-2",
                  "--medsales.home=" + home))
          .isNotZero();
    } finally {
      System.setOut(previous);
    }
    assertThat(stdout.toString())
        .containsPattern(
            "Tenant acme created\\. Administrator acme-admin, password \\(shown once\\): \\S{20,}")
        .containsPattern("Operator acme-ops created, password \\(shown once\\): \\S{20,}");
    assertThat(err.toString()).contains("A tenant named acme exists");
  }

  /**
   * A Part D publish from the command line returns once the data is published: the drug search's
   * prescriber table is not built in this process (which runs no worker) but left to a worker as a
   * queued job.
   */
  @Test
  void ingestReturnsWhenPublishedAndLeavesTheDrugPrescribersToAWorker(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path home) throws Exception {
    java.nio.file.Path file = home.resolve("PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab");
    try (var in =
        getClass()
            .getResourceAsStream("/demo/partd/PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab")) {
      java.nio.file.Files.copy(in, file);
    }
    var previous = System.out;
    System.setOut(new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true));
    try {
      assertThat(
              run("ingest", "partd", file.toString(), "--year", "2013", "--medsales.home=" + home))
          .as(err.toString())
          .isZero();
    } finally {
      System.setOut(previous);
    }

    Cli.runJob(
        java.util.List.of("--medsales.home=" + home),
        com.medsales.platform.BulkConnections.class,
        bulk -> {
          var jdbc = com.medsales.testing.OwnerJdbc.of(bulk);
          assertThat(
                  jdbc.sql(
                          "SELECT count(*) FROM ingestion_run WHERE dataset = 'partD' AND status = 'PUBLISHED'")
                      .query(Long.class)
                      .single())
              .isEqualTo(1);
          assertThat(
                  jdbc.sql("SELECT status FROM job WHERE type = 'drug-prescribers'")
                      .query(String.class)
                      .list())
              .containsExactly("READY");
          assertThat(
                  jdbc.sql("SELECT count(*) FROM partd_drug_prescriber_build")
                      .query(Long.class)
                      .single())
              .isZero();
          return 0;
        });
  }

  @Test
  void aTenantSlugThatBreaksTheRuleIsRefusedNamingTheFieldAndTheRule(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
    assertThat(
            run(
                "create-tenant",
                "a",
                "Acme Devices",
                "--admin",
                "acme-admin",
                "--medsales.home=" + home))
        .isNotZero();

    assertThat(err.toString())
        .contains("slug must be 2 to 63 lower-case letters, digits or hyphens");
  }

  @Test
  void failuresBecomeOneLineReasons() {
    var nested =
        new IllegalStateException("outer", new java.io.IOException("disk full\nmore detail"));
    assertThat(Cli.oneLine(nested)).isEqualTo("disk full");
  }
}
