package com.medsales.notification.internal;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * One e-mail for a batch of notifications: plain text and HTML, each notification with a link into
 * the web app, and a link to change what one receives.
 */
record Email(String subject, String text, String html) {

  static final String SETTINGS_PATH = "/settings/notifications";

  static Email of(List<Deliveries.Row> rows, String name, String publicUrl, boolean digest) {
    String base = publicUrl.replaceAll("/+$", "");
    String subject =
        digest
            ? "Your MedSales digest: " + rows.size() + (rows.size() == 1 ? " update" : " updates")
            : rows.size() == 1 ? rows.getFirst().title() : rows.size() + " updates in MedSales";
    var text = new StringBuilder("Hello " + name + ",\n\n");
    var html =
        new StringBuilder(
            "<html><body style=\"font-family:sans-serif\"><p>Hello " + escape(name) + ",</p><ul>");
    for (Deliveries.Row row : rows) {
      String link = base + (row.link() != null ? row.link() : "/notifications");
      text.append("* ").append(row.title()).append('\n');
      for (String line : row.body().split("\n")) {
        text.append("  ").append(line).append('\n');
      }
      text.append("  ").append(link).append("\n\n");
      html.append("<li><p><a href=\"")
          .append(escape(link))
          .append("\"><strong>")
          .append(escape(row.title()))
          .append("</strong></a><br>")
          .append(escape(row.body()).replace("\n", "<br>"))
          .append("</p></li>");
    }
    String settings = base + SETTINGS_PATH;
    text.append("Change what you receive: ").append(settings).append('\n');
    html.append("</ul><p style=\"font-size:small\"><a href=\"")
        .append(escape(settings))
        .append("\">Change what you receive</a></p></body></html>");
    return new Email(subject, text.toString(), html.toString());
  }

  private static String escape(String s) {
    return HtmlUtils.htmlEscape(s);
  }
}
