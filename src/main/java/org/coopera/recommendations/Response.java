package org.coopera.recommendations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The position a State under review takes on a recommendation. */
public enum Response {
  SUPPORTED,
  SUPPORTED_IN_PART,
  NOTED,
  PENDING;

  /** The value used in URLs, the API and exports: {@code supported-in-part}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Response> fromApiName(String value) {
    return Arrays.stream(values()).filter(r -> r.apiName().equalsIgnoreCase(value)).findFirst();
  }
}
