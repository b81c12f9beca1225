package com.medsales.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the data layer needs to know of whoever is signed in: the tenant whose rows its transactions
 * may see, the user (for an operator's own rows and for the audit trail), and whether it is a
 * platform operator.
 */
public interface TenantPrincipal {

  UUID userId();

  String username();

  /** Null for a platform operator, who belongs to no tenant. */
  @Nullable UUID tenantId();

  boolean operator();

  /**
   * An administrator of their tenant, who sees every record of it (others see their own, their
   * team's, their territories').
   */
  boolean tenantAdmin();
}
