package com.medsales;

import com.medsales.ingest.IngestionRun;
import com.medsales.ingest.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A run's progress on the command line: a bar redrawn in place on a terminal (percent of bytes,
 * rows per second, ETA), plain lines every ten seconds otherwise (CI logs, cron mail).
 */
final class TerminalProgress implements ProgressListener {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private long lastPlainNanos = -1;
  private boolean drewBar;

  TerminalProgress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void onProgress(Progress p) {
    double seconds = Math.max(p.elapsedNanos() / 1e9, 0.001);
    long rowsPerSecond = (long) (p.rowsRead() / seconds);
    String percent = "";
    String eta = "";
    double fraction =
        p.totalBytes() > 0 ? Math.min(1.0, (double) p.bytesRead() / p.totalBytes()) : -1;
    if (fraction >= 0 && !"indexing".equals(p.phase()) && !"publishing".equals(p.phase())) {
      percent = String.format(Locale.ROOT, "%5.1f%%", fraction * 100);
      if (fraction > 0.01 && fraction < 1) {
        eta = " ETA " + format(Duration.ofSeconds((long) (seconds / fraction - seconds)));
      }
    }
    String stats =
        String.format(
            Locale.ROOT,
            "%-10s %s %,d rows  %,d rows/s  %,d rejected%s",
            p.phase(),
            percent,
            p.rowsRead(),
            rowsPerSecond,
            p.rowsRejected(),
            eta);
    if (terminal) {
      int filled = fraction < 0 ? 0 : (int) (fraction * WIDTH);
      out.print(
          "\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + stats + "\u001b[K");
      drewBar = true;
    } else if (lastPlainNanos < 0 || p.elapsedNanos() - lastPlainNanos >= 10_000_000_000L) {
      lastPlainNanos = p.elapsedNanos();
      out.println(stats.strip());
    }
    out.flush();
  }

  void done() {
    if (drewBar) {
      out.println();
    }
  }

  static String summary(IngestionRun run) {
    var sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Run %d (%s) %s: %s%n",
            run.id(),
            run.kind(),
            run.status(),
            run.sourceName()));
    sb.append(
        String.format(
            Locale.ROOT,
            "  rows read %,d, loaded %,d, rejected %,d%n",
            run.rowsRead(),
            run.rowsLoaded(),
            run.rowsRejected()));
    if (run.recordCount() != null) {
      sb.append(
          String.format(
              Locale.ROOT, "  %s now holds %,d records%n", run.dataset().key(), run.recordCount()));
    }
    if (run.changes() != null && !run.changes().isEmpty()) {
      sb.append("  changes: ").append(run.changes()).append(System.lineSeparator());
    }
    if (run.startedAt() != null && run.finishedAt() != null) {
      sb.append("  took ").append(format(Duration.between(run.startedAt(), run.finishedAt())));
    }
    if (run.status() == IngestionRun.Status.SKIPPED) {
      sb.append(System.lineSeparator())
          .append("  the same file was already published: nothing changed");
    }
    return sb.toString();
  }

  private static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
