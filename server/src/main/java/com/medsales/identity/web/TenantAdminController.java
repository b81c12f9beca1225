package com.medsales.identity.web;

import com.medsales.identity.MedsalesUser;
import com.medsales.identity.UserRole;
import com.medsales.identity.internal.SingleSignOn;
import com.medsales.identity.internal.TenantAdministration;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tenant administration: users, invitations and teams of the administrator's own tenant. */
@RestController
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/admin")
@Tag(name = "Tenant administration")
@PreAuthorize("hasRole('ADMIN')")
class TenantAdminController {

  private final TenantAdministration administration;
  private final SingleSignOn singleSignOn;

  TenantAdminController(TenantAdministration administration, SingleSignOn singleSignOn) {
    this.administration = administration;
    this.singleSignOn = singleSignOn;
  }

  @GetMapping("/sso")
  @Operation(summary = "My tenant's OpenID Connect sign-in, if configured (404 otherwise)")
  SingleSignOn.Settings sso() {
    return singleSignOn.settings().orElseThrow(() -> new RecordNotFound("Single sign-on"));
  }

  record SsoRequest(
      @NotBlank @Size(max = 500) @org.hibernate.validator.constraints.URL String issuerUri,
      @NotBlank @Size(max = 200) String clientId,
      @NotBlank
          @Size(max = 200)
          @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z_][A-Za-z0-9_.-]*")
          String clientSecretRef,
      @NotEmpty Set<UserRole> defaultRoles,
      boolean enabled) {}

  @PutMapping("/sso")
  @Operation(
      summary =
          "Configure my tenant's OpenID Connect sign-in (the client secret is named, never sent)")
  SingleSignOn.Settings configureSso(@Valid @RequestBody SsoRequest request) {
    return singleSignOn.configure(
        new SingleSignOn.Settings(
            request.issuerUri().strip(),
            request.clientId().strip(),
            request.clientSecretRef(),
            request.defaultRoles().stream().map(Enum::name).sorted().toList(),
            request.enabled()));
  }

  @GetMapping("/users")
  @Operation(summary = "Users of my tenant")
  List<TenantAdministration.UserView> users() {
    return administration.users();
  }

  @GetMapping("/users/{id}")
  @Operation(summary = "One user of my tenant")
  TenantAdministration.UserView user(@PathVariable UUID id) {
    return administration.user(id);
  }

  record UserChange(
      @Nullable Set<UserRole> roles,
      @Nullable Boolean enabled,
      @Nullable @Size(max = 200) String displayName) {}

  @PatchMapping("/users/{id}")
  @Operation(
      summary = "Change a user's roles, name, or deactivate (enabled: false) or reactivate them")
  TenantAdministration.UserView update(
      @AuthenticationPrincipal MedsalesUser admin,
      @PathVariable UUID id,
      @Valid @RequestBody UserChange change) {
    return administration.update(admin, id, change.roles(), change.enabled(), change.displayName());
  }

  record PasswordReset(String temporaryPassword) {}

  @PostMapping("/users/{id}/password-reset")
  @Operation(summary = "Give a user a new generated password (shown once) and end their sessions")
  PasswordReset resetPassword(@PathVariable UUID id) {
    return new PasswordReset(administration.resetPassword(id));
  }

  @GetMapping("/invitations")
  @Operation(summary = "Invitations of my tenant")
  List<TenantAdministration.InvitationView> invitations() {
    return administration.invitations();
  }

  record NewInvitation(
      @NotBlank @Email @Size(max = 200) String email,
      @NotBlank @Size(max = 200) String displayName,
      @NotEmpty Set<UserRole> roles) {}

  @PostMapping("/invitations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Invite a user; the response carries the link (shown once) to send them")
  TenantAdministration.IssuedInvitation invite(
      @AuthenticationPrincipal MedsalesUser admin, @Valid @RequestBody NewInvitation invitation) {
    return administration.invite(
        admin, invitation.email(), invitation.displayName(), invitation.roles());
  }

  @DeleteMapping("/invitations/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke an open invitation")
  void revokeInvitation(@PathVariable UUID id) {
    administration.revokeInvitation(id);
  }

  @GetMapping("/teams")
  @Operation(summary = "Teams of my tenant")
  List<TenantAdministration.TeamView> teams() {
    return administration.teams();
  }

  record TeamRequest(
      @NotBlank @Size(max = 100) String name,
      @Nullable UUID managerId,
      @NotNull @Size(max = 500) List<@NotNull UUID> memberIds) {}

  @PostMapping("/teams")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a team")
  TenantAdministration.TeamView createTeam(@Valid @RequestBody TeamRequest team) {
    return administration.saveTeam(null, team.name(), team.managerId(), team.memberIds());
  }

  @PutMapping("/teams/{id}")
  @Operation(summary = "Replace a team's name, manager and members")
  TenantAdministration.TeamView updateTeam(
      @PathVariable UUID id, @Valid @RequestBody TeamRequest team) {
    return administration.saveTeam(id, team.name(), team.managerId(), team.memberIds());
  }

  @DeleteMapping("/teams/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a team (its users stay)")
  void deleteTeam(@PathVariable UUID id) {
    administration.deleteTeam(id);
  }
}
