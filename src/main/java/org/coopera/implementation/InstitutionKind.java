package org.coopera.implementation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of body an institution is. */
public enum InstitutionKind {
  MINISTRY,
  AGENCY,
  PARLIAMENT,
  JUDICIARY,
  NHRI,
  OTHER;

  /** The value used in forms and the API: {@code ministry}, {@code nhri}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<InstitutionKind> fromApiName(String value) {
    return Arrays.stream(values())
        .filter(k -> value != null && k.apiName().equalsIgnoreCase(value.strip()))
        .findFirst();
  }
}
