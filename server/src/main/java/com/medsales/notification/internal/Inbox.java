package com.medsales.notification.internal;

import com.medsales.notification.NotificationType;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.RecordNotFound;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's inbox: newest first, paged by an opaque cursor (the last row's time and id),
 * read one by one or all at once. Row-level security shows a user only their own.
 */
@Service
public class Inbox {

  public record Item(
      UUID id,
      String type,
      String title,
      String body,
      @Nullable String link,
      @Nullable Long npi,
      OffsetDateTime createdAt,
      @Nullable OffsetDateTime readAt) {}

  public record Page(List<Item> items, long unreadCount, @Nullable String nextCursor) {}

  private static final String COLUMNS = "id, type, title, body, link, npi, created_at, read_at";

  private final JdbcClient jdbc;

  Inbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Page page(
      boolean unread, @Nullable NotificationType type, @Nullable String cursor, int size) {
    Cursor after = cursor == null || cursor.isEmpty() ? null : Cursor.parse(cursor);
    List<Item> rows =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + """
                 FROM notification
                WHERE user_id = medsales_user() AND in_app
                  AND (NOT :unread OR read_at IS NULL)
                  AND (CAST(:type AS text) IS NULL OR type = :type)
                  AND (CAST(:at AS timestamptz) IS NULL OR (created_at, id) < (CAST(:at AS timestamptz), CAST(:id AS uuid)))
                ORDER BY created_at DESC, id DESC
                LIMIT :limit
                """)
            .param("unread", unread)
            .param("type", type == null ? null : type.name())
            .param("at", after == null ? null : after.createdAt())
            .param("id", after == null ? null : after.id())
            .param("limit", size + 1)
            .query(Item.class)
            .list();
    String next = null;
    if (rows.size() > size) {
      rows = rows.subList(0, size);
      Item last = rows.getLast();
      next = new Cursor(last.createdAt(), last.id()).encode();
    }
    return new Page(rows, unreadCount(), next);
  }

  @Transactional(readOnly = true)
  public long unreadCount() {
    return jdbc.sql(
            "SELECT count(*) FROM notification WHERE user_id = medsales_user() AND in_app AND read_at IS NULL")
        .query(Long.class)
        .single();
  }

  @Transactional
  public Item read(UUID id) {
    return jdbc.sql(
            "UPDATE notification SET read_at = coalesce(read_at, now())"
                + " WHERE id = ? AND user_id = medsales_user() AND in_app RETURNING "
                + COLUMNS)
        .param(id)
        .query(Item.class)
        .optional()
        .orElseThrow(() -> new RecordNotFound("The notification"));
  }

  @Transactional
  public int readAll() {
    return jdbc.sql(
            "UPDATE notification SET read_at = now() WHERE user_id = medsales_user() AND in_app AND read_at IS NULL")
        .update();
  }

  /** The last row of a page, encoded. */
  record Cursor(OffsetDateTime createdAt, UUID id) {
    String encode() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor parse(String text) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
        if (parts.length != 2) {
          throw new IllegalArgumentException("two parts expected");
        }
        return new Cursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
      } catch (RuntimeException e) {
        throw InvalidFields.of("cursor", "is not a cursor this API gave");
      }
    }
  }
}
