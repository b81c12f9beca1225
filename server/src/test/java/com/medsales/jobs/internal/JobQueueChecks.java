package com.medsales.jobs.internal;

import com.medsales.jobs.JobId;
import com.medsales.jobs.JobQueue;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Checks every {@link JobQueue} implementation must pass. */
final class JobQueueChecks {

  private JobQueueChecks() {}

  /** Workers claim until the queue is empty; what each took, and how many jobs were taken twice. */
  record Claimed(Set<JobId> taken, int duplicates) {}

  static Claimed claimConcurrently(
      JobQueue queue, List<String> queues, int workers, Duration visibility) {
    Set<JobId> taken = ConcurrentHashMap.newKeySet();
    var duplicates = new AtomicInteger();
    try (var pool = Executors.newFixedThreadPool(workers)) {
      for (int w = 0; w < workers; w++) {
        String worker = "w" + w;
        pool.submit(
            () -> {
              while (true) {
                var job = queue.claim(queues, worker, visibility);
                if (job.isEmpty()) {
                  return;
                }
                if (!taken.add(job.get().id())) {
                  duplicates.incrementAndGet();
                }
              }
            });
      }
    }
    return new Claimed(taken, duplicates.get());
  }
}
