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
  void failuresBecomeOneLineReasons() {
    var nested = new IllegalStateException("outer", new java.io.IOException("disk full\nmore detail"));
    assertThat(Cli.oneLine(nested)).isEqualTo("disk full");
  }
}
