package com.medsales.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.medsales.identity.MedsalesUser;
import com.medsales.identity.TokenScope;
import com.medsales.identity.UserRole;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * For tests of endpoints that are not about security: every MockMvc request of the test class is
 * signed in (with a CSRF token), as a platform operator, who may read the public datasets and run
 * ingestion.
 */
public final class SignedIn {

  private SignedIn() {}

  public static MedsalesUser operator() {
    return new MedsalesUser(
        UUID.fromString("00000000-0000-0000-0000-00000000000f"),
        null,
        "test-operator",
        "Test Operator",
        EnumSet.of(UserRole.OPERATOR),
        TokenScope.READ_WRITE,
        null);
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class AsOperator {
    @Bean
    MockMvcBuilderCustomizer signedInAsOperator() {
      MedsalesUser user = operator();
      return builder ->
          builder.defaultRequest(
              MockMvcRequestBuilders.get("/")
                  .with(
                      authentication(
                          UsernamePasswordAuthenticationToken.authenticated(
                              user, null, user.authorities())))
                  .with(csrf()));
    }
  }
}
