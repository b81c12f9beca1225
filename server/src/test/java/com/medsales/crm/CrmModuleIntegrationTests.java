package com.medsales.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.medsales.crm.internal.Accounts;
import com.medsales.crm.internal.Accounts.NewAccount;
import com.medsales.identity.MedsalesUser;
import com.medsales.identity.Ownership;
import com.medsales.identity.TokenScope;
import com.medsales.identity.UserRole;
import com.medsales.notification.Notifications;
import com.medsales.platform.BulkConnections;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.TenantScope;
import com.medsales.provider.Providers;
import com.medsales.testing.OwnerJdbc;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The CRM module on its own (with the platform, which owns the database), on real PostgreSQL: the
 * provider registry and identity's ownership rule are mocked, so this shows that the module starts
 * with only what it declares it needs.
 */
@ApplicationModuleTest(extraIncludes = "platform")
class CrmModuleIntegrationTests {

  /** A valid NPI (Changping Jia's, an individual in the 2018 NPPES sample). */
  static final long INDIVIDUAL_NPI = 1184802050L;

  @Autowired Accounts accounts;
  @Autowired BulkConnections bulk;
  @MockitoBean Providers providers;
  @MockitoBean Ownership ownership;
  @MockitoBean Notifications notifications;

  @Test
  void anAccountLinksOnlyAnOrganisationTheRegistryKnowsAndIsOwnedByItsCreator() {
    var owner = OwnerJdbc.of(bulk);
    UUID tenant =
        owner
            .sql("INSERT INTO tenant (slug, name) VALUES (?, 'CRM module') RETURNING id")
            .param("crm-module-" + UUID.randomUUID())
            .query(UUID.class)
            .single();
    UUID rep =
        owner
            .sql(
                """
            INSERT INTO app_user (tenant_id, username, display_name, roles, password_hash)
            VALUES (?, ?, 'Module Rep', ARRAY['REP'], 'not a hash: this user never signs in') RETURNING id
            """)
            .params(tenant, "crm-module-rep-" + UUID.randomUUID())
            .query(UUID.class)
            .single();
    var user =
        new MedsalesUser(
            rep, tenant, "rep", "Module Rep", Set.of(UserRole.REP), TokenScope.READ_WRITE, null);
    when(providers.find(INDIVIDUAL_NPI)).thenReturn(Optional.empty());

    new TenantScope(tenant, rep, false, false)
        .run(
            () -> {
              assertThatThrownBy(
                      () -> accounts.create(user, account(Long.toString(INDIVIDUAL_NPI))))
                  .isInstanceOfSatisfying(
                      InvalidFields.class,
                      e -> assertThat(e.fieldErrors()).containsOnlyKeys("npi"));
              verify(providers).find(INDIVIDUAL_NPI);

              var created = accounts.create(user, account(null));
              var found = accounts.find(created.id(), false);
              assertThat(found.name()).isEqualTo("Lakeside Clinic");
              assertThat(found.ownerId()).isEqualTo(rep);
              assertThat(found.npi()).isNull();
            });
  }

  static NewAccount account(String npi) {
    return new NewAccount(
        "Lakeside Clinic", "PRACTICE", npi, null, null, "10013", null, null, null);
  }
}
