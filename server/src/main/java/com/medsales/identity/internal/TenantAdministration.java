package com.medsales.identity.internal;

import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.identity.IdentitySettings;
import com.medsales.identity.MedsalesUser;
import com.medsales.identity.UserRole;
import com.medsales.platform.AlreadyExists;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.TenantScope;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant administrator's work: users (invite, change roles, deactivate, reset a password) and
 * teams. Every query names no tenant: row-level security confines it to the administrator's own, so
 * another tenant's user id is simply not found.
 */
@Service
public class TenantAdministration {

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final IdentitySettings settings;
  private final @Nullable FindByIndexNameSessionRepository<?> sessions;
  private final TransactionTemplate transaction;

  TenantAdministration(
      JdbcClient jdbc,
      Accounts accounts,
      AuditTrail audit,
      IdentitySettings settings,
      Optional<FindByIndexNameSessionRepository<?>> sessions,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.audit = audit;
    this.settings = settings;
    this.sessions = sessions.orElse(null);
    this.transaction = new TransactionTemplate(transactions);
  }

  public record UserView(
      UUID id,
      String username,
      String displayName,
      @Nullable String email,
      Set<UserRole> roles,
      boolean enabled,
      List<String> teams,
      Instant createdAt,
      long version) {}

  /** A colleague as the pickers of any signed-in user see them: no user name, e-mail or status. */
  public record DirectoryEntry(
      UUID id, String displayName, Set<UserRole> roles, List<String> teams) {}

  /**
   * The tenant's active users, by display name, for owner and assignee pickers; any user of the
   * tenant may read it.
   */
  @Transactional(readOnly = true)
  public List<DirectoryEntry> directory() {
    return users().stream()
        .filter(UserView::enabled)
        .map(u -> new DirectoryEntry(u.id(), u.displayName(), u.roles(), u.teams()))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<UserView> users() {
    return jdbc.sql(
            """
            SELECT u.*, coalesce(array_agg(t.name ORDER BY t.name) FILTER (WHERE t.name IS NOT NULL), '{}') AS team_names
            FROM app_user u
            LEFT JOIN team_member m ON m.user_id = u.id
            LEFT JOIN team t ON t.id = m.team_id
            WHERE u.tenant_id = medsales_tenant()
            GROUP BY u.id ORDER BY lower(u.display_name)
            """)
        .query(
            (rs, row) ->
                new UserView(
                    rs.getObject("id", UUID.class),
                    rs.getString("username"),
                    rs.getString("display_name"),
                    rs.getString("email"),
                    Accounts.roles(rs.getArray("roles")),
                    rs.getBoolean("enabled"),
                    List.of((String[]) rs.getArray("team_names").getArray()),
                    Accounts.instant(rs, "created_at"),
                    rs.getLong("version")))
        .list();
  }

  @Transactional(readOnly = true)
  public UserView user(UUID id) {
    return users().stream()
        .filter(u -> u.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new RecordNotFound("The user"));
  }

  /**
   * Changes a user's roles, name or status; deactivating ends their sessions and stops their
   * tokens.
   */
  @Transactional
  public UserView update(
      MedsalesUser admin,
      UUID id,
      @Nullable Set<UserRole> roles,
      @Nullable Boolean enabled,
      @Nullable String displayName) {
    UserView before = user(id);
    if (roles != null) {
      requireTenantRoles(roles);
      if (admin.userId().equals(id) && !roles.contains(UserRole.ADMIN)) {
        throw InvalidFields.named(
            "roles", List.of("an administrator cannot remove their own ADMIN role"));
      }
    }
    if (Boolean.FALSE.equals(enabled) && admin.userId().equals(id)) {
      throw InvalidFields.named(
          "enabled", List.of("an administrator cannot deactivate themselves"));
    }
    jdbc.sql(
            """
            UPDATE app_user SET
              roles = coalesce(CAST(:roles AS text[]), roles),
              enabled = coalesce(CAST(:enabled AS boolean), enabled),
              display_name = coalesce(CAST(:name AS text), display_name),
              updated_at = now(), version = version + 1
            WHERE id = :id
            """)
        .param(
            "roles",
            roles == null ? null : roles.stream().map(Enum::name).sorted().toArray(String[]::new))
        .param("enabled", enabled)
        .param("name", displayName == null || displayName.isBlank() ? null : displayName.strip())
        .param("id", id)
        .update();
    UserView after = user(id);
    if (!before.roles().equals(after.roles())) {
      audit.record(
          "user.roles",
          before.username(),
          AuditOutcome.SUCCESS,
          Map.of("from", names(before.roles()), "to", names(after.roles())));
      // a session carries the roles it signed in with: the user signs in again to get the new ones
      endSessions(before.username());
    }
    if (before.enabled() != after.enabled()) {
      audit.record(
          after.enabled() ? "user.activate" : "user.deactivate",
          before.username(),
          AuditOutcome.SUCCESS,
          Map.of());
      if (!after.enabled()) {
        endSessions(before.username());
      }
    }
    return after;
  }

  /**
   * Gives the user a new generated password, shown once to the administrator, and ends their
   * sessions. The password is temporary: until the user has changed it, they may do nothing else.
   */
  @Transactional
  public String resetPassword(UUID id) {
    UserView user = user(id);
    String password = Secrets.password();
    accounts.setPassword(id, user.username(), password, "password");
    jdbc.sql("UPDATE app_user SET must_change_password = true WHERE id = ?").param(id).update();
    jdbc.sql(
            "UPDATE api_token SET revoked_at = now() WHERE user_id = ? AND kind = 'ACCESS' AND revoked_at IS NULL")
        .param(id)
        .update();
    endSessions(user.username());
    audit.record("user.password-reset", user.username(), AuditOutcome.SUCCESS, Map.of());
    return password;
  }

  private void endSessions(String username) {
    if (sessions != null) {
      sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
    }
  }

  public record InvitationView(
      UUID id,
      String email,
      String displayName,
      Set<UserRole> roles,
      Instant createdAt,
      Instant expiresAt,
      @Nullable Instant acceptedAt,
      @Nullable Instant revokedAt,
      String status) {}

  public record IssuedInvitation(InvitationView invitation, String link) {}

  @Transactional
  public IssuedInvitation invite(
      MedsalesUser admin, String email, String displayName, Set<UserRole> roles) {
    requireTenantRoles(roles);
    if (roles.isEmpty()) {
      throw InvalidFields.named("roles", List.of("must name at least one role"));
    }
    String token = Secrets.token("inv_");
    UUID id =
        jdbc.sql(
                """
                INSERT INTO invitation (tenant_id, email, display_name, roles, token_hash, invited_by, expires_at)
                VALUES (medsales_tenant(), ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                email.strip(),
                displayName.strip(),
                roles.stream().map(Enum::name).sorted().toArray(String[]::new),
                Secrets.sha256(token),
                admin.userId(),
                utc(Instant.now().plus(settings.invitationTtl())))
            .query(UUID.class)
            .single();
    audit.record("user.invite", email.strip(), AuditOutcome.SUCCESS, Map.of("roles", names(roles)));
    String link = settings.publicUrl().replaceAll("/+$", "") + "/invitation/" + token;
    return new IssuedInvitation(invitation(id).orElseThrow(), link);
  }

  @Transactional(readOnly = true)
  public List<InvitationView> invitations() {
    return jdbc.sql(
            "SELECT * FROM invitation WHERE tenant_id = medsales_tenant() ORDER BY created_at DESC")
        .query(TenantAdministration::invitationView)
        .list();
  }

  private Optional<InvitationView> invitation(UUID id) {
    return jdbc.sql("SELECT * FROM invitation WHERE id = ?")
        .param(id)
        .query(TenantAdministration::invitationView)
        .optional();
  }

  @Transactional
  public void revokeInvitation(UUID id) {
    int revoked =
        jdbc.sql(
                "UPDATE invitation SET revoked_at = now() WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL")
            .param(id)
            .update();
    if (revoked == 0) {
      throw new RecordNotFound("An open invitation");
    }
    audit.record("user.invite-revoke", id.toString(), AuditOutcome.SUCCESS, Map.of());
  }

  /**
   * What an invitation link offers, for the page that accepts it; empty when the link is unknown or
   * used up.
   */
  public Optional<InvitationView> openInvitation(String token) {
    return tenantOf(token)
        .flatMap(
            tenant ->
                TenantScope.ofTenant(tenant)
                    .call(() -> transaction.execute(tx -> openInvitationInTenant(token))));
  }

  private Optional<InvitationView> openInvitationInTenant(String token) {
    return jdbc.sql("SELECT * FROM invitation WHERE token_hash = ?")
        .param(Secrets.sha256(token))
        .query(TenantAdministration::invitationView)
        .optional()
        .filter(i -> i.status().equals("OPEN"));
  }

  private Optional<UUID> tenantOf(String token) {
    if (!token.startsWith("inv_") || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT medsales_invitation_tenant(?)")
        .param(Secrets.sha256(token))
        .query(UUID.class)
        .optional();
  }

  /**
   * Accepting an invitation creates the user with the invited roles and the password they chose.
   */
  public UUID accept(String token, String username, String password) {
    UUID tenant = tenantOf(token).orElseThrow(() -> new RecordNotFound("The invitation"));
    // the transaction starts inside the scope, so row-level security sees the invitation's tenant
    return TenantScope.ofTenant(tenant)
        .call(() -> transaction.execute(tx -> acceptInTenant(token, username, password)));
  }

  private UUID acceptInTenant(String token, String username, String password) {
    InvitationView invitation =
        openInvitationInTenant(token).orElseThrow(() -> new RecordNotFound("An open invitation"));
    List<String> problems = PasswordPolicy.problems(password, username);
    if (!problems.isEmpty()) {
      throw InvalidFields.named("password", problems);
    }
    UUID id;
    try {
      id =
          jdbc.sql(
                  """
              INSERT INTO app_user (tenant_id, username, display_name, email, roles)
              VALUES (medsales_tenant(), ?, ?, ?, ?) RETURNING id
              """)
              .params(
                  username.strip(),
                  invitation.displayName(),
                  invitation.email(),
                  invitation.roles().stream().map(Enum::name).sorted().toArray(String[]::new))
              .query(UUID.class)
              .single();
    } catch (DuplicateKeyException e) {
      throw new AlreadyExists(
          "That user name is taken; choose another.",
          Map.of("username", List.of("is taken")),
          Map.of());
    }
    accounts.setPassword(id, username, password, "password");
    jdbc.sql("UPDATE invitation SET accepted_at = now() WHERE id = ?")
        .param(invitation.id())
        .update();
    audit.recordFor(
        TenantScope.current().tenantId(),
        id,
        username.strip(),
        "user.invite-accept",
        invitation.email(),
        AuditOutcome.SUCCESS,
        Map.of());
    return id;
  }

  public record TeamView(UUID id, String name, @Nullable UUID managerId, List<UUID> memberIds) {}

  @Transactional(readOnly = true)
  public List<TeamView> teams() {
    return jdbc.sql(
            """
            SELECT t.id, t.name, t.manager_id,
                   coalesce(array_agg(m.user_id) FILTER (WHERE m.user_id IS NOT NULL), '{}') AS members
            FROM team t LEFT JOIN team_member m ON m.team_id = t.id
            WHERE t.tenant_id = medsales_tenant()
            GROUP BY t.id ORDER BY t.name
            """)
        .query(
            (rs, row) ->
                new TeamView(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getObject("manager_id", UUID.class),
                    List.of((UUID[]) rs.getArray("members").getArray())))
        .list();
  }

  /**
   * Creates ({@code id} null) or replaces a team: its name, manager and members, all users of this
   * tenant.
   */
  @Transactional
  public TeamView saveTeam(
      @Nullable UUID id, String name, @Nullable UUID managerId, Collection<UUID> memberIds) {
    List<UUID> everyone = new ArrayList<>(memberIds);
    if (managerId != null) {
      everyone.add(managerId);
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    long known =
        jdbc.sql(
                "SELECT count(*) FROM app_user WHERE id = ANY(?) AND tenant_id = medsales_tenant()")
            .param(everyone.stream().distinct().toArray(UUID[]::new))
            .query(Long.class)
            .single();
    if (known != everyone.stream().distinct().count()) {
      errors.put("memberIds", List.of("names a user that does not exist"));
    }
    if (managerId != null) {
      Set<UserRole> roles = user(managerId).roles();
      if (!roles.contains(UserRole.MANAGER) && !roles.contains(UserRole.ADMIN)) {
        errors.put("managerId", List.of("must be a MANAGER or ADMIN"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields(errors);
    }
    UUID teamId;
    try {
      teamId =
          id == null
              ? jdbc.sql(
                      "INSERT INTO team (tenant_id, name, manager_id) VALUES (medsales_tenant(), ?, ?) RETURNING id")
                  .params(name.strip(), managerId)
                  .query(UUID.class)
                  .single()
              : jdbc.sql("UPDATE team SET name = ?, manager_id = ? WHERE id = ? RETURNING id")
                  .params(name.strip(), managerId, id)
                  .query(UUID.class)
                  .optional()
                  .orElseThrow(() -> new RecordNotFound("The team"));
    } catch (DuplicateKeyException e) {
      throw new AlreadyExists(
          "A team with that name exists.", Map.of("name", List.of("is taken")), Map.of());
    }
    jdbc.sql("DELETE FROM team_member WHERE team_id = ?").param(teamId).update();
    jdbc.sql(
            "INSERT INTO team_member (tenant_id, team_id, user_id)"
                + " SELECT medsales_tenant(), ?, u FROM unnest(?::uuid[]) AS u ON CONFLICT DO NOTHING")
        .params(teamId, memberIds.stream().distinct().toArray(UUID[]::new))
        .update();
    audit.record(
        id == null ? "team.create" : "team.update",
        name.strip(),
        AuditOutcome.SUCCESS,
        Map.of("members", memberIds.size()));
    return teams().stream().filter(t -> t.id().equals(teamId)).findFirst().orElseThrow();
  }

  @Transactional
  public void deleteTeam(UUID id) {
    String name =
        jdbc.sql("DELETE FROM team WHERE id = ? RETURNING name")
            .param(id)
            .query(String.class)
            .optional()
            .orElseThrow(() -> new RecordNotFound("The team"));
    audit.record("team.delete", name, AuditOutcome.SUCCESS, Map.of());
  }

  private static void requireTenantRoles(Set<UserRole> roles) {
    if (roles.contains(UserRole.OPERATOR)) {
      throw InvalidFields.named("roles", List.of("OPERATOR is a platform role, not a tenant role"));
    }
  }

  private static List<String> names(Set<UserRole> roles) {
    return roles.stream().map(Enum::name).sorted().toList();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static InvitationView invitationView(java.sql.ResultSet rs, int row)
      throws java.sql.SQLException {
    Instant expires = Accounts.instant(rs, "expires_at");
    Instant accepted = Accounts.instant(rs, "accepted_at");
    Instant revoked = Accounts.instant(rs, "revoked_at");
    String status =
        accepted != null
            ? "ACCEPTED"
            : revoked != null ? "REVOKED" : expires.isBefore(Instant.now()) ? "EXPIRED" : "OPEN";
    return new InvitationView(
        rs.getObject("id", UUID.class),
        rs.getString("email"),
        rs.getString("display_name"),
        Accounts.roles(rs.getArray("roles")),
        Accounts.instant(rs, "created_at"),
        expires,
        accepted,
        revoked,
        status);
  }
}
