package com.medsales.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.platform.internal.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class DatabaseOutageIntegrationTests {

  @Autowired MockMvcTester mvc;
  @Autowired EmbeddedDatabase database;

  @Test
  void healthTurns503WhileTheDatabaseIsAwayAndRecoversWhenItReturns() {
    assertThat(mvc.get().uri("/health").exchange()).hasStatusOk();

    database.stopServer();
    try {
      var down = mvc.get().uri("/health").exchange();
      assertThat(down).hasStatus(503);
      assertThat(down).bodyJson().extractingPath("$.status").isEqualTo("DOWN");
      assertThat(down).bodyJson().extractingPath("$.components.database.status").isEqualTo("DOWN");
      // the rest of the report is still there for the operator
      assertThat(down).bodyJson().extractingPath("$.components.diskSpace.status").isEqualTo("UP");
    } finally {
      database.startServer();
    }

    var up = mvc.get().uri("/health").exchange();
    assertThat(up).hasStatusOk();
    assertThat(up).bodyJson().extractingPath("$.components.database.status").isEqualTo("UP");
  }
}
