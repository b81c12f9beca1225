package com.medsales.identity.web;

import com.medsales.identity.MedsalesUser;
import com.medsales.identity.TokenScope;
import com.medsales.identity.internal.Accounts;
import com.medsales.identity.internal.SignInSessions;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account: password and integration tokens. */
@RestController
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/me")
@Tag(name = "My account")
class MeController {

  private final Accounts accounts;
  private final SignInSessions sessions;

  MeController(Accounts accounts, SignInSessions sessions) {
    this.accounts = accounts;
    this.sessions = sessions;
  }

  @GetMapping
  @Operation(summary = "The signed-in user")
  AuthController.SessionUser me(@AuthenticationPrincipal MedsalesUser user) {
    return AuthController.SessionUser.of(user);
  }

  record PasswordChange(
      @NotBlank @Size(max = 200) String currentPassword,
      @NotBlank @Size(max = 200) String newPassword) {}

  @PostMapping("/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Change my password (wrong current passwords pause it like failed sign-ins)")
  void changePassword(
      @AuthenticationPrincipal MedsalesUser user,
      @Valid @RequestBody PasswordChange change,
      HttpServletRequest request,
      HttpServletResponse response) {
    accounts.changePassword(
        user, change.currentPassword(), change.newPassword(), request.getRemoteAddr());
    if (user.mustChangePassword()) {
      sessions.update(user.withPasswordChanged(), request, response);
    }
  }

  @GetMapping("/tokens")
  @Operation(summary = "My integration tokens (never the secrets)")
  List<Accounts.TokenView> tokens(@AuthenticationPrincipal MedsalesUser user) {
    return accounts.tokens(user);
  }

  record NewToken(
      @NotBlank @Size(max = 100) String name,
      @NotNull TokenScope scope,
      @NotNull @Min(1) @Max(365) Integer expiresInDays) {}

  record CreatedToken(UUID id, String name, TokenScope scope, Instant expiresAt, String token) {}

  @PostMapping("/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an integration token; the secret is shown only in this response")
  CreatedToken create(
      @AuthenticationPrincipal MedsalesUser user, @Valid @RequestBody NewToken request) {
    Accounts.IssuedToken issued =
        accounts.createIntegrationToken(
            user,
            request.name().strip(),
            request.scope(),
            Duration.ofDays(request.expiresInDays()));
    return new CreatedToken(
        issued.id(), request.name().strip(), issued.scope(), issued.expiresAt(), issued.token());
  }

  @DeleteMapping("/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke one of my tokens")
  void revoke(@AuthenticationPrincipal MedsalesUser user, @PathVariable UUID id) {
    accounts.revoke(user, id);
  }
}
