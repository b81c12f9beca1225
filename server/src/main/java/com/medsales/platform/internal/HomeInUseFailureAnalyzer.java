package com.medsales.platform.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a second process on the same MEDSALES_HOME into two plain lines instead of a stack trace.
 */
class HomeInUseFailureAnalyzer extends AbstractFailureAnalyzer<HomeInUseException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, HomeInUseException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Stop the other MedSales process, or start this one with MEDSALES_HOME set to another directory.",
        cause);
  }
}
