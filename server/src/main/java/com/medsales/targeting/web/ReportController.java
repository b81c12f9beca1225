package com.medsales.targeting.web;

import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.Role;
import com.medsales.targeting.Reports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Activity and reach reports, over what the reader may see; read from the replica if any. */
@RestController
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
class ReportController {

  private final Reports reports;

  ReportController(Reports reports) {
    this.reports = reports;
  }

  @GetMapping("/activity")
  @Operation(
      summary =
          "Activities from from to to (dates, both included; the last 30 days by default), grouped",
      description =
          "groupBy: user (default), team, territory or kind. Each row: activities, calls (CALL, VISIT, LUNCH,"
              + " IN_SERVICE) and the count by kind.")
  Reports.ActivityReport activity(
      @RequestParam(required = false) @Nullable LocalDate from,
      @RequestParam(required = false) @Nullable LocalDate to,
      @RequestParam(defaultValue = "user") String groupBy) {
    Reports.GroupBy group;
    try {
      group = Reports.GroupBy.parse(groupBy);
    } catch (IllegalArgumentException e) {
      throw InvalidFields.of("groupBy", String.valueOf(e.getMessage()));
    }
    LocalDate end = to != null ? to : LocalDate.now(ZoneOffset.UTC);
    LocalDate start = from != null ? from : end.minusDays(29);
    return reports.activity(start, end, group);
  }

  @GetMapping("/reach")
  @Operation(
      summary = "Reach and frequency of target lists",
      description =
          "With listId: the list's totals, then one row per rep whose calls count on it. Without: one row per list I"
              + " may see whose period includes today.")
  List<Reports.ReachRow> reach(@RequestParam(required = false) @Nullable UUID listId) {
    return reports.reach(listId, LocalDate.now(ZoneOffset.UTC));
  }
}
