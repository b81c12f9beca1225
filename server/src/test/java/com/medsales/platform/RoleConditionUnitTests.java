package com.medsales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class RoleConditionUnitTests {

  @Configuration(proxyBeanMethods = false)
  static class Beans {
    @Bean
    @ConditionalOnRole(Role.API)
    String apiBean() {
      return "api";
    }

    @Bean
    @ConditionalOnRole(Role.INGESTION_WORKER)
    Integer workerBean() {
      return 1;
    }
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Beans.class);

  @Test
  void everyRoleIsOnByDefault() {
    runner.run(context -> assertThat(context).hasBean("apiBean").hasBean("workerBean"));
  }

  @Test
  void aRoleThatIsOffStartsNoneOfItsBeans() {
    runner
        .withPropertyValues("medsales.roles=api")
        .run(context -> assertThat(context).hasBean("apiBean").doesNotHaveBean("workerBean"));
    runner
        .withPropertyValues("medsales.roles=ingestion-worker,notification-worker")
        .run(context -> assertThat(context).doesNotHaveBean("apiBean").hasBean("workerBean"));
  }

  @Test
  void anEmptyRoleListIsACommandLineJobWithNoRoles() {
    runner
        .withPropertyValues("medsales.roles=")
        .run(
            context ->
                assertThat(context).doesNotHaveBean("apiBean").doesNotHaveBean("workerBean"));
  }
}
