package com.medsales.notification.web;

import com.medsales.notification.internal.Devices;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The devices my push notifications go to. */
@RestController
@Validated
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/me/devices")
@Tag(name = "Notifications")
class DeviceController {

  private final Devices devices;

  DeviceController(Devices devices) {
    this.devices = devices;
  }

  record NewDevice(
      @NotBlank
          @Size(max = 4096)
          @Pattern(regexp = "[A-Za-z0-9_:\\-.]+", message = "is not an FCM token")
          String token,
      @NotNull @Pattern(regexp = "WEB|ANDROID|IOS", message = "must be WEB, ANDROID or IOS")
          String platform) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register this browser or phone's FCM token for push")
  Devices.Device register(@Valid @RequestBody NewDevice device) {
    return devices.register(device.token(), device.platform());
  }

  @GetMapping
  @Operation(summary = "My devices")
  List<Devices.Device> list() {
    return devices.list();
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Stop push to a device")
  void remove(@PathVariable UUID id) {
    devices.remove(id);
  }
}
