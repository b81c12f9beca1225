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
  void createsATenantAndAnOperatorPrintingEachPasswordOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
    var stdout = new java.io.ByteArrayOutputStream();
    var previous = System.out;
    System.setOut(new java.io.PrintStream(stdout, true));
    try {
      assertThat(run("create-tenant", "acme", "Acme Devices", "--admin", "acme-admin", "--medsales.home=" + home)).isZero();
      assertThat(run("create-operator", "acme-ops", "--medsales.home=" + home)).isZero();
      assertThat(run("create-tenant", "acme", "Acme again", "--admin", "acme-admin-2", "--medsales.home=" + home)).isNotZero();
    } finally {
      System.setOut(previous);
    }
    assertThat(stdout.toString())
        .containsPattern("Tenant acme created\\. Administrator acme-admin, password \\(shown once\\): \\S{20,}")
        .containsPattern("Operator acme-ops created, password \\(shown once\\): \\S{20,}");
    assertThat(err.toString()).contains("A tenant named acme exists");
  }

  @Test
  void failuresBecomeOneLineReasons() {
    var nested = new IllegalStateException("outer", new java.io.IOException("disk full\nmore detail"));
    assertThat(Cli.oneLine(nested)).isEqualTo("disk full");
  }
}
