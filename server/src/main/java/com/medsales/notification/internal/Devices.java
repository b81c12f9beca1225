package com.medsales.notification.internal;

import com.medsales.platform.RecordNotFound;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's push devices (FCM registration tokens). */
@Service
public class Devices {

  public record Device(UUID id, String platform, OffsetDateTime createdAt) {}

  private final JdbcClient jdbc;

  Devices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Registers a token; registering it again answers the existing device. */
  @Transactional
  public Device register(String token, String platform) {
    return jdbc.sql(
            """
            INSERT INTO notification_device (tenant_id, user_id, token, platform)
            VALUES (medsales_tenant(), medsales_user(), ?, ?)
            ON CONFLICT (user_id, token) DO UPDATE SET platform = EXCLUDED.platform
            RETURNING id, platform, created_at
            """)
        .params(token, platform)
        .query(Device.class)
        .single();
  }

  @Transactional(readOnly = true)
  public List<Device> list() {
    return jdbc.sql(
            "SELECT id, platform, created_at FROM notification_device WHERE user_id = medsales_user() ORDER BY created_at, id")
        .query(Device.class)
        .list();
  }

  @Transactional
  public void remove(UUID id) {
    if (jdbc.sql("DELETE FROM notification_device WHERE id = ? AND user_id = medsales_user()")
            .param(id)
            .update()
        == 0) {
      throw new RecordNotFound("The device");
    }
  }
}
