package com.medsales.identity;

import com.medsales.platform.TenantPrincipal;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in user, as every request sees it: from a session (the web app) or a bearer token.
 * {@code scope} is what the credential allows: a session and an access token from {@code POST
 * /api/v1/auth/token} read and write; an integration token may be read-only. {@code
 * mustChangePassword}: an administrator reset the password, and until the user changes it they may
 * do nothing else.
 */
public record MedsalesUser(
    UUID userId,
    @Nullable UUID tenantId,
    String username,
    String displayName,
    Set<UserRole> roles,
    TokenScope scope,
    @Nullable UUID tokenId,
    boolean mustChangePassword)
    implements TenantPrincipal, AuthenticatedPrincipal, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final String SCOPE_READ = "SCOPE_read";
  public static final String SCOPE_WRITE = "SCOPE_write";

  public MedsalesUser(
      UUID userId,
      @Nullable UUID tenantId,
      String username,
      String displayName,
      Set<UserRole> roles,
      TokenScope scope,
      @Nullable UUID tokenId) {
    this(userId, tenantId, username, displayName, roles, scope, tokenId, false);
  }

  @Override
  public String getName() {
    return username;
  }

  @Override
  public boolean operator() {
    return roles.contains(UserRole.OPERATOR);
  }

  @Override
  public boolean tenantAdmin() {
    return tenantId != null && roles.contains(UserRole.ADMIN);
  }

  public boolean has(UserRole role) {
    return roles.contains(role);
  }

  public List<GrantedAuthority> authorities() {
    List<GrantedAuthority> authorities = new ArrayList<>();
    roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
    authorities.add(new SimpleGrantedAuthority(SCOPE_READ));
    if (scope == TokenScope.READ_WRITE) {
      authorities.add(new SimpleGrantedAuthority(SCOPE_WRITE));
    }
    return authorities;
  }

  public MedsalesUser withScope(TokenScope scope, UUID tokenId) {
    return new MedsalesUser(
        userId, tenantId, username, displayName, roles, scope, tokenId, mustChangePassword);
  }

  /** The same user once they have changed their password. */
  public MedsalesUser withPasswordChanged() {
    return new MedsalesUser(userId, tenantId, username, displayName, roles, scope, tokenId, false);
  }
}
