package com.medsales.jobs;

public enum JobStatus {
  /** Waiting for its run time or a worker. */
  READY,
  /** Claimed by a worker; invisible to others until its visibility timeout. */
  RUNNING,
  SUCCEEDED,
  /** Out of attempts: the dead-letter state, kept for inspection and manual retry. */
  DEAD
}
