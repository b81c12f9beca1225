package com.medsales.platform;

import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The tenant, user and operator flag that each transaction hands to PostgreSQL's row-level security
 * (as {@code SET LOCAL} settings the policies read). It is the signed-in principal's, unless code
 * that runs before anyone is signed in (sign-in itself, an invitation link, the demo seeding) names
 * one explicitly with {@link #run} or {@link #call}. With neither, transactions see no tenant's
 * rows at all.
 */
public record TenantScope(
    @Nullable UUID tenantId, @Nullable UUID userId, boolean operator, boolean tenantAdmin) {

  public static final TenantScope NONE = new TenantScope(null, null, false, false);

  private static final ThreadLocal<@Nullable TenantScope> EXPLICIT = new ThreadLocal<>();

  /**
   * Set while the signed-in principal is being looked up, which may itself need a transaction (a
   * session store's).
   */
  private static final ThreadLocal<@Nullable Boolean> RESOLVING = new ThreadLocal<>();

  public static TenantScope ofTenant(UUID tenantId) {
    return new TenantScope(tenantId, null, false, false);
  }

  public static TenantScope of(TenantPrincipal principal) {
    return new TenantScope(
        principal.tenantId(), principal.userId(), principal.operator(), principal.tenantAdmin());
  }

  /**
   * The scope in force on this thread. Looking up the signed-in principal may load it from the
   * session store, whose transaction asks for the scope again: that inner transaction gets {@link
   * #NONE} (the session tables are no tenant's) instead of looking the principal up again, and
   * again (a stack overflow, once, for an expired session).
   */
  public static TenantScope current() {
    TenantScope explicit = EXPLICIT.get();
    if (explicit != null) {
      return explicit;
    }
    TenantPrincipal principal = principal();
    return principal != null ? of(principal) : NONE;
  }

  /** The signed-in principal, if any; none while it is being looked up. */
  public static @Nullable TenantPrincipal principal() {
    if (RESOLVING.get() != null) {
      return null;
    }
    RESOLVING.set(Boolean.TRUE);
    try {
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      return auth != null && auth.getPrincipal() instanceof TenantPrincipal principal
          ? principal
          : null;
    } finally {
      RESOLVING.remove();
    }
  }

  public <T> T call(Supplier<T> work) {
    TenantScope previous = EXPLICIT.get();
    EXPLICIT.set(this);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        EXPLICIT.remove();
      } else {
        EXPLICIT.set(previous);
      }
    }
  }

  public void run(Runnable work) {
    call(
        () -> {
          work.run();
          return null;
        });
  }
}
