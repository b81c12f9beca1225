package com.medsales.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.platform.BulkConnections;
import com.medsales.testing.TestTenants;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A rep edits their own records, a manager their team's, an admin their tenant's; nobody another
 * tenant's.
 */
@SpringBootTest
class OwnershipIntegrationTests {

  @Autowired Ownership ownership;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  void signInAs(UUID tenant, UUID id, UserRole role) {
    var user =
        new MedsalesUser(id, tenant, "u-" + id, "U", EnumSet.of(role), TokenScope.READ_WRITE, null);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
  }

  @Test
  void ownersManagersOfTheirTeamsAndAdminsMayEditNobodyElse() {
    var tenants = new TestTenants(bulk, passwords);
    UUID tenant = tenants.tenant("own");
    UUID other = tenants.tenant("own-other");
    UUID rep = tenants.user(tenant, "own-rep", "x", "REP");
    UUID peer = tenants.user(tenant, "own-peer", "x", "REP");
    UUID manager = tenants.user(tenant, "own-manager", "x", "MANAGER");
    UUID otherManager = tenants.user(tenant, "own-manager-2", "x", "MANAGER");
    UUID admin = tenants.user(tenant, "own-admin", "x", "ADMIN");
    UUID foreignAdmin = tenants.user(other, "own-foreign-admin", "x", "ADMIN");
    UUID team =
        tenants
            .owner()
            .sql(
                "INSERT INTO team (tenant_id, name, manager_id) VALUES (?, 'own team', ?) RETURNING id")
            .params(tenant, manager)
            .query(UUID.class)
            .single();
    tenants
        .owner()
        .sql("INSERT INTO team_member (tenant_id, team_id, user_id) VALUES (?, ?, ?)")
        .params(tenant, team, rep)
        .update();

    signInAs(tenant, rep, UserRole.REP);
    assertThat(ownership.mayEdit(rep)).isTrue();
    assertThat(ownership.mayEdit(peer)).isFalse();

    signInAs(tenant, manager, UserRole.MANAGER);
    assertThat(ownership.mayEdit(rep)).isTrue();
    assertThat(ownership.mayEdit(peer)).isFalse();

    signInAs(tenant, otherManager, UserRole.MANAGER);
    assertThat(ownership.mayEdit(rep)).isFalse();

    signInAs(tenant, admin, UserRole.ADMIN);
    assertThat(ownership.mayEdit(peer)).isTrue();

    signInAs(other, foreignAdmin, UserRole.ADMIN);
    assertThat(ownership.mayEdit(rep)).isFalse();
  }
}
