package com.medsales.identity.web;

import com.medsales.identity.MedsalesUser;
import com.medsales.identity.internal.Accounts;
import com.medsales.identity.internal.SignInSessions;
import com.medsales.identity.internal.TenantAdministration;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

/** Signing in and out: the web app's session, scripts' access tokens, and invitation links. */
@RestController
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

  private final Accounts accounts;
  private final SignInSessions sessions;
  private final TenantAdministration administration;

  AuthController(Accounts accounts, SignInSessions sessions, TenantAdministration administration) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.administration = administration;
  }

  record Credentials(
      @NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {}

  /**
   * {@code mustChangePassword}: an administrator reset the password; the token may then only change
   * it ({@code POST /api/v1/me/password}) and read {@code GET /api/v1/me}, every other call answers
   * 403.
   */
  record TokenResponse(
      String accessToken, String tokenType, long expiresIn, boolean mustChangePassword) {}

  @PostMapping("/token")
  @Operation(summary = "Exchange a user name and password for a bearer access token")
  TokenResponse token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
    MedsalesUser user =
        accounts.signIn(
            credentials.username(), credentials.password(), request.getRemoteAddr(), "token");
    Accounts.IssuedToken token = accounts.issueAccessToken(user);
    return new TokenResponse(
        token.token(),
        "Bearer",
        Math.max(0, Duration.between(Instant.now(), token.expiresAt()).toSeconds()),
        user.mustChangePassword());
  }

  /**
   * The signed-in user. {@code mustChangePassword}: an administrator reset the password; until the
   * user changes it ({@code POST /api/v1/me/password}) every other call but this one and signing
   * out answers 403.
   */
  record SessionUser(
      UUID id,
      @Nullable UUID tenantId,
      String username,
      String displayName,
      Set<String> roles,
      String scope,
      boolean mustChangePassword) {
    static SessionUser of(MedsalesUser user) {
      return new SessionUser(
          user.userId(),
          user.tenantId(),
          user.username(),
          user.displayName(),
          new java.util.TreeSet<>(user.roles().stream().map(Enum::name).toList()),
          user.scope().name(),
          user.mustChangePassword());
    }
  }

  @PostMapping("/session")
  @Operation(summary = "Sign in to the web app (session cookie)")
  SessionUser signIn(
      @Valid @RequestBody Credentials credentials,
      HttpServletRequest request,
      HttpServletResponse response) {
    MedsalesUser user =
        accounts.signIn(
            credentials.username(), credentials.password(), request.getRemoteAddr(), "session");
    sessions.start(user, request, response);
    return SessionUser.of(user);
  }

  @GetMapping("/session")
  @Operation(summary = "Who is signed in")
  SessionUser current(@AuthenticationPrincipal MedsalesUser user) {
    return SessionUser.of(user);
  }

  @DeleteMapping("/session")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Sign out")
  void signOut(HttpServletRequest request, HttpServletResponse response) {
    sessions.end(request, response);
  }

  record InvitationOffer(String email, String displayName, List<String> roles, Instant expiresAt) {}

  @GetMapping("/invitations/{token}")
  @Operation(summary = "What an invitation link offers")
  InvitationOffer invitation(@PathVariable String token) {
    var invitation =
        administration
            .openInvitation(token)
            .orElseThrow(() -> new RecordNotFound("The invitation"));
    return new InvitationOffer(
        invitation.email(),
        invitation.displayName(),
        invitation.roles().stream().map(Enum::name).sorted().toList(),
        invitation.expiresAt());
  }

  record Acceptance(
      @NotBlank @Size(min = 2, max = 100) String username,
      @NotBlank @Size(max = 200) String password) {}

  @PostMapping("/invitations/{token}")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Accept an invitation: choose a user name and password")
  void accept(@PathVariable String token, @Valid @RequestBody Acceptance acceptance) {
    administration.accept(token, acceptance.username(), acceptance.password());
  }
}
