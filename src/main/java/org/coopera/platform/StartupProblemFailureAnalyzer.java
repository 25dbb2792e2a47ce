package org.coopera.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link StartupProblem} anywhere in the cause chain into a short report. */
class StartupProblemFailureAnalyzer extends AbstractFailureAnalyzer<StartupProblem> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupProblem cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), null);
  }
}
