package com.medsales.notification.web;

import com.medsales.notification.NotificationType;
import com.medsales.notification.internal.NotificationPreferences;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What I am told, and how. */
@RestController
@Validated
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/me/notification-settings")
@Tag(name = "Notifications")
class NotificationSettingsController {

  private final NotificationPreferences preferences;

  NotificationSettingsController(NotificationPreferences preferences) {
    this.preferences = preferences;
  }

  record Channels(@NotNull Boolean inApp, @NotNull Boolean email, @NotNull Boolean push) {}

  record QuietHours(@NotNull LocalTime start, @NotNull LocalTime end) {}

  record SettingsChange(
      @NotNull @Size(max = 20) Map<NotificationType, @Valid @NotNull Channels> types,
      @NotNull
          @Pattern(regexp = "IMMEDIATE|DAILY_DIGEST", message = "must be IMMEDIATE or DAILY_DIGEST")
          String emailMode,
      @Nullable @Valid QuietHours quietHours,
      @Nullable @Size(max = 64) String timeZone) {}

  @GetMapping
  @Operation(summary = "My notification settings: channels per type, e-mail mode, push quiet hours")
  NotificationPreferences.Settings find() {
    return preferences.find();
  }

  @PutMapping
  @Operation(summary = "Replace my notification settings (types left out keep theirs)")
  NotificationPreferences.Settings replace(@Valid @RequestBody SettingsChange change) {
    Map<NotificationType, NotificationPreferences.Channels> types = new java.util.LinkedHashMap<>();
    change
        .types()
        .forEach(
            (type, c) ->
                types.put(
                    type, new NotificationPreferences.Channels(c.inApp(), c.email(), c.push())));
    return preferences.replace(
        types,
        change.emailMode(),
        change.quietHours() == null
            ? null
            : new NotificationPreferences.QuietHours(
                change.quietHours().start(), change.quietHours().end()),
        change.timeZone() == null || change.timeZone().isBlank() ? "UTC" : change.timeZone());
  }
}
