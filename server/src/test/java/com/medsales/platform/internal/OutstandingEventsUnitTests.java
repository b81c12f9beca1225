package com.medsales.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Only the ingestion worker hands outstanding event publications over again; the API's processes
 * never do.
 */
class OutstandingEventsUnitTests {

  /**
   * Spring Modulith's multicaster stands behind both interfaces; this one records what it was
   * asked.
   */
  static final class Registry implements IncompleteEventPublications, FailedEventPublications {
    final List<String> calls = new ArrayList<>();
    Predicate<EventPublication> filter = p -> false;

    @Override
    public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
      calls.add("incomplete");
      this.filter = filter;
    }

    @Override
    public void resubmitIncompletePublicationsOlderThan(Duration duration) {
      calls.add("incomplete older than " + duration);
    }

    @Override
    public void resubmitIncompletePublications(ResubmissionOptions options) {
      calls.add("incomplete with options");
    }

    @Override
    public void resubmit(ResubmissionOptions options) {
      calls.add("failed older than " + options.getMinAge());
    }
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withBean(Registry.class, Registry::new)
          .withBean(OutstandingEvents.class);

  @Test
  void theIngestionWorkerResubmitsEveryOutstandingPublicationAtItsStartAndTheFailedOnesLater() {
    runner
        .withPropertyValues("medsales.roles=ingestion-worker")
        .run(
            context -> {
              Registry registry = context.getBean(Registry.class);
              OutstandingEvents outstanding = context.getBean(OutstandingEvents.class);

              outstanding.resubmitAtStart();
              assertThat(registry.calls).containsExactly("incomplete");
              assertThat(registry.filter.test(null))
                  .as("every outstanding publication, whatever its listener")
                  .isTrue();

              outstanding.retryFailed();
              assertThat(registry.calls)
                  .containsExactly(
                      "incomplete", "failed older than " + OutstandingEvents.RETRY_AFTER);
            });
  }

  @Test
  void apiProcessesAndCommandLineJobsResubmitNothing() {
    runner
        .withPropertyValues("medsales.roles=api")
        .run(context -> assertThat(context).doesNotHaveBean(OutstandingEvents.class));
    runner
        .withPropertyValues("medsales.roles=")
        .run(context -> assertThat(context).doesNotHaveBean(OutstandingEvents.class));
  }
}
