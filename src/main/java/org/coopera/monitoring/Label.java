package org.coopera.monitoring;

import java.util.List;

/**
 * A text shown in a dashboard: either a message key with arguments, translated for the reader, or a
 * text taken from the data as it is (a State's name, a theme).
 */
public record Label(String text, String messageKey, List<Object> arguments) {

  public Label {
    arguments = List.copyOf(arguments);
  }

  /** A text from the data, shown as it is. */
  public static Label of(String text) {
    return new Label(text, null, List.of());
  }

  /** A message of the bundles, translated for the reader. */
  public static Label message(String key, Object... arguments) {
    return new Label(null, key, List.of(arguments));
  }

  public boolean translated() {
    return messageKey != null;
  }
}
