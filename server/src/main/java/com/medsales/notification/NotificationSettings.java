package com.medsales.notification;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicUrl where the web app is, for the links in e-mails and pushes ({@code
 *     MEDSALES_PUBLIC_URL})
 * @param smtp e-mail; off when {@code SMTP_HOST} is unset
 * @param fcm push through Firebase Cloud Messaging; off when {@code FCM_KEY} is unset
 * @param reminderSweep how often the notification worker looks for tasks whose reminder or due date
 *     has come
 * @param digestSweep how often it looks for daily digests to send
 */
@Validated
@ConfigurationProperties("medsales.notification")
public record NotificationSettings(
    @DefaultValue("http://localhost:8080") String publicUrl,
    @DefaultValue Smtp smtp,
    @DefaultValue Fcm fcm,
    @DefaultValue("30s") Duration reminderSweep,
    @DefaultValue("15m") Duration digestSweep) {

  /** {@code SMTP_HOST}, {@code SMTP_PORT}, {@code SMTP_USER}, ... {@code MAIL_FROM}. */
  public record Smtp(
      @Nullable String host,
      @DefaultValue("587") int port,
      @Nullable String user,
      @Nullable String pass,
      @DefaultValue("true") boolean starttls,
      @DefaultValue("medsales@localhost") String from) {

    public boolean enabled() {
      return host != null && !host.isBlank();
    }
  }

  /**
   * @param key the service account's JSON key ({@code FCM_KEY}, from the environment or Secrets
   *     Manager)
   * @param endpoint the FCM HTTP v1 API ({@code FCM_ENDPOINT}, a stand-in in tests)
   */
  public record Fcm(
      @Nullable String key, @DefaultValue("https://fcm.googleapis.com") String endpoint) {

    public boolean enabled() {
      return key != null && !key.isBlank();
    }
  }
}
