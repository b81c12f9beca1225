package com.medsales.platform;

import java.time.Duration;

/**
 * Sign-in attempts are paused after too many failures (429); {@link #retryAfter()} says when to try
 * again.
 */
public class SignInPaused extends RequestRefused {

  private final Duration retryAfter;

  public SignInPaused(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
