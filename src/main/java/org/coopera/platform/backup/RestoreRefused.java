package org.coopera.platform.backup;

/** A restore that cannot go ahead; its message is one sentence that says why. */
class RestoreRefused extends RuntimeException {

  RestoreRefused(String message) {
    super(message);
  }

  RestoreRefused(String message, Throwable cause) {
    super(message, cause);
  }
}
