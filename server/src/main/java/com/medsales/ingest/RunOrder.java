package com.medsales.ingest;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Files of a kind are published in their order, never an older one over a newer one: by the dates
 * their names carry (NPPES: {@code NPPES_Data_Dissemination_December_2021}, {@code
 * npidata_pfile_20050523-20211212}, {@code NPPES_Data_Dissemination_121221_121921_Weekly}, {@code
 * NPPES_Deactivated_NPI_Report_20211213}) when both names carry one, else by the order their runs
 * were queued (a retry keeps its original's place). A CMS dataset published by year (Part B, Part
 * D, Open Payments) orders the files of each data year on their own.
 */
final class RunOrder {

  private static final Pattern MONTH_YEAR =
      Pattern.compile(
          "(?i)(january|february|march|april|may|june|july|august|september|october|november|december)[_ -]?((?:19|20)[0-9]{2})");
  private static final Pattern YYYYMMDD =
      Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})([01][0-9])([0-3][0-9])(?![0-9])");
  private static final Pattern MMDDYY =
      Pattern.compile("(?<![0-9])([01][0-9])([0-3][0-9])([0-9]{2})(?![0-9])");

  private RunOrder() {}

  /**
   * Why {@code run} must not publish (a newer file of its kind is published already), or null.
   *
   * @param position the run's place in the order of runs (its own id, or the first of the retries
   *     it belongs to)
   */
  static @Nullable String newerPublished(
      IngestionRun run, long position, List<IngestionRuns.Published> published) {
    LocalDate date = dateOf(run.sourceName());
    Integer year = run.dataset() == Dataset.NPPES ? null : yearOf(run.dataYear(), run.sourceName());
    for (IngestionRuns.Published p : published) {
      if (p.id() == run.id()) {
        continue;
      }
      if (run.dataset() != Dataset.NPPES) {
        Integer theirs = yearOf(p.dataYear(), p.sourceName());
        if (year == null || theirs == null || !Objects.equals(year, theirs)) {
          continue; // another year's partition, or a year that cannot be told
        }
      }
      LocalDate theirDate = dateOf(p.sourceName());
      boolean newer =
          date != null && theirDate != null ? theirDate.isAfter(date) : p.position() > position;
      if (newer) {
        return "Not published: "
            + p.sourceName()
            + " (run "
            + p.id()
            + "), a newer "
            + run.kind()
            + " file"
            + (year == null ? "" : " of " + year)
            + ", is published already, and an older file never replaces a newer one";
      }
    }
    return null;
  }

  private static @Nullable Integer yearOf(@Nullable Integer dataYear, String name) {
    return dataYear != null ? dataYear : YearlyTables.yearFromName(name);
  }

  /**
   * The date a file's name carries: the last of its dates (a range's end), or the first of its
   * month; null if none.
   */
  static @Nullable LocalDate dateOf(String name) {
    Matcher monthYear = MONTH_YEAR.matcher(name);
    if (monthYear.find()) {
      Month month = Month.valueOf(monthYear.group(1).toUpperCase(Locale.ROOT));
      return LocalDate.of(Integer.parseInt(monthYear.group(2)), month, 1);
    }
    LocalDate last = null;
    Matcher full = YYYYMMDD.matcher(name);
    while (full.find()) {
      LocalDate d =
          date(
              Integer.parseInt(full.group(1)),
              Integer.parseInt(full.group(2)),
              Integer.parseInt(full.group(3)));
      last = d != null ? d : last;
    }
    if (last != null) {
      return last;
    }
    if (name.toLowerCase(Locale.ROOT).contains("weekly")) {
      Matcher shortDate = MMDDYY.matcher(name);
      while (shortDate.find()) {
        LocalDate d =
            date(
                2000 + Integer.parseInt(shortDate.group(3)),
                Integer.parseInt(shortDate.group(1)),
                Integer.parseInt(shortDate.group(2)));
        last = d != null ? d : last;
      }
    }
    return last;
  }

  private static @Nullable LocalDate date(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
