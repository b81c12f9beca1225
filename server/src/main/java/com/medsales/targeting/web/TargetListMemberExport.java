package com.medsales.targeting.web;

import com.medsales.export.ExportParams;
import com.medsales.export.ExportSource;
import com.medsales.targeting.TargetLists;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Export kind {@code target-list-members}: {@code listId} and the member list's {@code sort}, every
 * page of {@code GET /api/v1/target-lists/{listId}/members} from the first, read as the user (a
 * list they may not see is not found, as in the API).
 */
@Component
class TargetListMemberExport implements ExportSource {

  private static final int PAGE = 200;

  private final TargetLists lists;

  TargetListMemberExport(TargetLists lists) {
    this.lists = lists;
  }

  @Override
  public String kind() {
    return "target-list-members";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.id("List ID"),
        Column.text("NPI"),
        Column.text("Name"),
        Column.text("Primary specialty"),
        Column.text("Address"),
        Column.text("City"),
        Column.text("State"),
        Column.text("ZIP"),
        Column.text("Tier"),
        new Column("Call goal", Type.INTEGER),
        new Column("Calls", Type.INTEGER),
        new Column("Attainment", Type.DECIMAL),
        new Column("Last call", Type.TIMESTAMP),
        Column.id("Contact ID"),
        new Column("Added by hand", Type.BOOLEAN),
        new Column("Matches the rule", Type.BOOLEAN));
  }

  private record Query(UUID list, TargetLists.MemberSort sort) {}

  private @Nullable Query query(ExportParams p) {
    p.only("listId", "sort");
    UUID list = p.uuid("listId");
    if (list == null && !p.rejected().containsKey("listId")) {
      p.reject("listId", "is required");
    }
    String sortText = p.text("sort");
    TargetLists.MemberSort sort = TargetLists.MemberSort.TIER;
    if (sortText != null) {
      try {
        sort = TargetLists.MemberSort.parse(sortText);
      } catch (IllegalArgumentException e) {
        p.reject("sort", String.valueOf(e.getMessage()));
      }
    }
    p.throwIfRejected();
    return list == null ? null : new Query(list, sort);
  }

  @Override
  public void check(ExportParams params) {
    Query q = query(params);
    if (q != null) {
      // an unknown list, another tenant's or one the user may not see: 404, as the list's own page
      lists.find(q.list());
    }
  }

  @Override
  public long count(ExportParams params, long limit) {
    Query q = query(new ExportParams(params.asMap()));
    return q == null ? 0 : Math.min(lists.find(q.list()).memberCount(), limit + 1);
  }

  @Override
  public void write(ExportParams params, long limit, Rows rows) {
    Query q = query(new ExportParams(params.asMap()));
    if (q == null) {
      return;
    }
    pages(
        q,
        limit,
        m -> {
          TargetLists.Address a = m.address();
          rows.row(
              q.list(),
              m.npi(),
              m.name(),
              m.primarySpecialty(),
              a == null ? null : a.line1(),
              a == null ? null : a.city(),
              a == null ? null : a.state(),
              a == null ? null : a.zip5(),
              m.tier(),
              m.callGoal(),
              m.calls(),
              m.attainment(),
              m.lastCallAt(),
              m.contactId(),
              m.manual(),
              m.byRule());
        });
  }

  private void pages(Query q, long limit, Consumer<TargetLists.Member> each) {
    String cursor = null;
    long seen = 0;
    do {
      TargetLists.MemberPage page = lists.members(q.list(), cursor, PAGE, q.sort());
      for (TargetLists.Member member : page.items()) {
        if (seen++ >= limit) {
          return;
        }
        each.accept(member);
      }
      cursor = page.nextCursor();
    } while (cursor != null);
  }
}
