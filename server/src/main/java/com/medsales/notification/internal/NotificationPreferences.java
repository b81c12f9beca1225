package com.medsales.notification.internal;

import com.medsales.notification.NotificationType;
import com.medsales.platform.InvalidFields;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's notification settings: per type which channels (every one unless changed),
 * e-mail as it happens or as a daily digest, quiet hours for push.
 */
@Service
public class NotificationPreferences {

  public record Channels(boolean inApp, boolean email, boolean push) {}

  public record QuietHours(LocalTime start, LocalTime end) {}

  public record Settings(
      Map<NotificationType, Channels> types,
      String emailMode,
      @Nullable QuietHours quietHours,
      String timeZone,
      boolean emailAvailable,
      boolean pushAvailable) {}

  private final JdbcClient jdbc;
  private final com.medsales.notification.NotificationSettings settings;

  NotificationPreferences(
      JdbcClient jdbc, com.medsales.notification.NotificationSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  private record Stored(
      @Nullable String emailMode,
      @Nullable LocalTime quietStart,
      @Nullable LocalTime quietEnd,
      @Nullable String timeZone) {}

  private record Preference(String type, boolean inApp, boolean email, boolean push) {}

  @Transactional(readOnly = true)
  public Settings find() {
    Map<NotificationType, Channels> types = new LinkedHashMap<>();
    for (NotificationType type : NotificationType.values()) {
      types.put(type, new Channels(true, true, true));
    }
    jdbc.sql(
            "SELECT type, in_app, email, push FROM notification_preference WHERE user_id = medsales_user()")
        .query(Preference.class)
        .list()
        .forEach(
            p ->
                types.put(
                    NotificationType.valueOf(p.type()),
                    new Channels(p.inApp(), p.email(), p.push())));
    Stored stored =
        jdbc.sql(
                "SELECT email_mode, quiet_start, quiet_end, time_zone FROM notification_setting WHERE user_id = medsales_user()")
            .query(Stored.class)
            .optional()
            .orElse(new Stored(null, null, null, null));
    return new Settings(
        types,
        stored.emailMode() == null ? "IMMEDIATE" : stored.emailMode(),
        stored.quietStart() == null || stored.quietEnd() == null
            ? null
            : new QuietHours(stored.quietStart(), stored.quietEnd()),
        stored.timeZone() == null ? "UTC" : stored.timeZone(),
        settings.smtp().enabled(),
        settings.fcm().enabled());
  }

  /** Replaces the settings; types left out keep theirs. */
  @Transactional
  public Settings replace(
      Map<NotificationType, Channels> types,
      String emailMode,
      @Nullable QuietHours quietHours,
      String timeZone) {
    try {
      ZoneId.of(timeZone);
    } catch (RuntimeException e) {
      throw InvalidFields.of("timeZone", "is not a time zone (e.g. America/New_York)");
    }
    if (quietHours != null && quietHours.start().equals(quietHours.end())) {
      throw InvalidFields.of("quietHours", "must start and end at different times");
    }
    types.forEach(
        (type, c) ->
            jdbc.sql(
                    """
                    INSERT INTO notification_preference (tenant_id, user_id, type, in_app, email, push)
                    VALUES (medsales_tenant(), medsales_user(), ?, ?, ?, ?)
                    ON CONFLICT (user_id, type) DO UPDATE
                    SET in_app = EXCLUDED.in_app, email = EXCLUDED.email, push = EXCLUDED.push
                    """)
                .params(type.name(), c.inApp(), c.email(), c.push())
                .update());
    jdbc.sql(
            """
            INSERT INTO notification_setting (user_id, tenant_id, email_mode, quiet_start, quiet_end, time_zone)
            VALUES (medsales_user(), medsales_tenant(), ?, ?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET email_mode = EXCLUDED.email_mode, quiet_start = EXCLUDED.quiet_start,
                quiet_end = EXCLUDED.quiet_end, time_zone = EXCLUDED.time_zone
            """)
        .params(
            emailMode,
            quietHours == null ? null : quietHours.start(),
            quietHours == null ? null : quietHours.end(),
            timeZone)
        .update();
    return find();
  }
}
