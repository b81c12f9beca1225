package probe;

import com.medsales.MedsalesApplication;
import com.medsales.jobs.Job;
import com.medsales.jobs.JobHandler;
import com.medsales.jobs.JobId;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application with a slow endpoint and a job that blocks, started as its own process by {@code
 * com.medsales.GracefulShutdownTests} so that a real SIGTERM can stop it. {@code
 * -Dprobe.block=false} lets the job finish. Outside {@code com.medsales}, so that no test context's
 * component scan finds its controller.
 */
@TestConfiguration
public class ShutdownProbe {

  public static final String MAIN = ShutdownProbe.class.getName();

  public static void main(String[] args) {
    new SpringApplicationBuilder(MedsalesApplication.class, ShutdownProbe.class)
        // the other tests' configurations are on this classpath too: leave them out, as a test
        // context does
        .initializers(
            context ->
                context
                    .getBeanFactory()
                    .registerSingleton(
                        "withoutTestConfigurations", new WithoutTestConfigurations()))
        .run(args);
  }

  static final class WithoutTestConfigurations extends TypeExcludeFilter {
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
      return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof WithoutTestConfigurations;
    }

    @Override
    public int hashCode() {
      return WithoutTestConfigurations.class.hashCode();
    }
  }

  static final AtomicInteger inFlight = new AtomicInteger();

  /**
   * The probe's own endpoints are open (no sign-in, no CSRF): they exist only in this test process.
   */
  @Bean
  @org.springframework.core.annotation.Order(0)
  org.springframework.security.web.SecurityFilterChain probeEndpoints(
      org.springframework.security.config.annotation.web.builders.HttpSecurity http)
      throws Exception {
    return http.securityMatcher("/probe/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  JobHandler blockingJob() {
    return new JobHandler() {
      @Override
      public String queue() {
        return "probe";
      }

      @Override
      public String type() {
        return "block";
      }

      @Override
      public void handle(Job job) throws Exception {
        if (Boolean.getBoolean("probe.block")) {
          Thread.sleep(600_000); // until the shutdown interrupts it
        }
      }
    };
  }

  /** Registered as a member of this configuration. */
  @RestController
  static class Endpoints {
    private final JobQueue queue;

    Endpoints(JobQueue queue) {
      this.queue = queue;
    }

    @GetMapping("/probe/slow")
    String slow(@RequestParam long ms) throws InterruptedException {
      inFlight.incrementAndGet();
      try {
        Thread.sleep(ms);
        return "done after " + ms + " ms";
      } finally {
        inFlight.decrementAndGet();
      }
    }

    @GetMapping("/probe/in-flight")
    int inFlight() {
      return inFlight.get();
    }

    @PostMapping("/probe/jobs")
    long enqueue() {
      return queue.enqueue(JobRequest.of("probe", "block", "{}")).value();
    }

    @GetMapping("/probe/jobs/{id}")
    Map<String, Object> job(@PathVariable long id) throws IOException {
      var job = queue.find(new JobId(id)).orElseThrow();
      return Map.of("status", job.status().name(), "attempts", job.attempts());
    }
  }
}
