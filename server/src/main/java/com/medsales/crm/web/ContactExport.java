package com.medsales.crm.web;

import com.medsales.crm.internal.Contacts;
import com.medsales.export.ExportParams;
import com.medsales.export.ExportSource;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Export kind {@code contacts}: {@code GET /api/v1/contacts}'s filters, checked by the controller's
 * own constraints, and every page of the list from the first, read as the user.
 */
@Component
class ContactExport implements ExportSource {

  private static final int PAGE = 200;

  private final Contacts contacts;
  private final Validator validator;

  ContactExport(Contacts contacts, Validator validator) {
    this.contacts = contacts;
    this.validator = validator;
  }

  @Override
  public String kind() {
    return "contacts";
  }

  @Override
  public List<Column> columns() {
    return List.of(
        Column.id("Contact ID"),
        Column.text("NPI"),
        Column.text("Name"),
        Column.text("First name"),
        Column.text("Last name"),
        Column.text("Credential"),
        Column.text("Title"),
        Column.text("Specialty"),
        Column.text("Email"),
        Column.text("Phone"),
        Column.text("City"),
        Column.text("State"),
        Column.text("ZIP"),
        Column.text("Provider status"),
        Column.id("Account ID"),
        Column.text("Account"),
        Column.id("Owner ID"),
        Column.text("Owner"),
        Column.text("Tags"),
        Column.text("Notes"),
        Column.text("Source"),
        new Column("Created", Type.TIMESTAMP),
        new Column("Updated", Type.TIMESTAMP));
  }

  private Contacts.Query query(ExportParams p, @org.jspecify.annotations.Nullable String cursor) {
    p.only("q", "tag", "ownerId", "accountId", "territoryId", "npi", "deleted", "cursor", "size");
    var q =
        new Contacts.Query(
            p.text("q"),
            p.text("tag"),
            p.uuid("ownerId"),
            p.uuid("accountId"),
            p.uuid("territoryId"),
            p.text("npi"),
            p.bool("deleted", false),
            cursor,
            PAGE);
    p.checkWith(
        validator,
        ContactController.class,
        "list",
        q.q(),
        q.tag(),
        q.ownerId(),
        q.accountId(),
        q.territoryId(),
        q.npi(),
        q.deleted(),
        null,
        PAGE);
    return q;
  }

  @Override
  public void check(ExportParams params) {
    query(params, null);
  }

  @Override
  public long count(ExportParams params, long limit) {
    long[] n = {0};
    pages(params, limit + 1, c -> n[0]++);
    return n[0];
  }

  @Override
  public void write(ExportParams params, long limit, Rows rows) {
    pages(
        params,
        limit,
        c ->
            rows.row(
                c.id(),
                c.npi(),
                c.displayName(),
                c.firstName(),
                c.lastName(),
                c.credential(),
                c.title(),
                c.specialty(),
                c.email(),
                c.phone(),
                c.city(),
                c.state(),
                c.zip5(),
                c.providerStatus(),
                c.accountId(),
                c.accountName(),
                c.ownerId(),
                c.ownerName(),
                c.tags(),
                c.notes(),
                c.source(),
                c.createdAt(),
                c.updatedAt()));
  }

  /** The list's pages, from the first, as the API pages through them. */
  private void pages(
      ExportParams params, long limit, java.util.function.Consumer<Contacts.ContactView> each) {
    String cursor = null;
    long seen = 0;
    do {
      Contacts.Page page = contacts.list(query(new ExportParams(params.asMap()), cursor));
      for (Contacts.ContactView contact : page.items()) {
        if (seen++ >= limit) {
          return;
        }
        each.accept(contact);
      }
      cursor = page.nextCursor();
    } while (cursor != null);
  }
}
