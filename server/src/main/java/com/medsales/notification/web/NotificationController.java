package com.medsales.notification.web;

import com.medsales.notification.NotificationType;
import com.medsales.notification.internal.Inbox;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's inbox. */
@RestController
@Validated
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationController {

  private final Inbox inbox;

  NotificationController(Inbox inbox) {
    this.inbox = inbox;
  }

  record ReadAll(int marked, long unreadCount) {}

  @GetMapping
  @Operation(
      summary =
          "My notifications, newest first; unread=true for unread only; nextCursor pages on; with the unread count")
  Inbox.Page list(
      @RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(required = false) @Nullable NotificationType type,
      @RequestParam(required = false) @Nullable @Size(max = 200) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return inbox.page(unread, type, cursor, size);
  }

  @PostMapping("/{id}/read")
  @Operation(summary = "Mark one notification read")
  Inbox.Item read(@PathVariable UUID id) {
    return inbox.read(id);
  }

  @PostMapping("/read-all")
  @Operation(summary = "Mark every notification read")
  ReadAll readAll() {
    int marked = inbox.readAll();
    return new ReadAll(marked, 0);
  }
}
