/**
 * Identity: tenants (customer companies), users with roles, teams, invitations, sign-in (session
 * cookie for the web app, bearer tokens for scripts and integrations), sign-in throttling, rate
 * limits and the web security rules. The rest of the application sees only {@link
 * com.medsales.identity.MedsalesUser} and Spring Security's annotations.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package com.medsales.identity;

import org.jspecify.annotations.NullMarked;
