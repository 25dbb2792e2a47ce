package org.coopera.platform;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * In-application notifications: what a module wants a person to see the next time they open Coopera
 * (a reminder, a decision on their work). Each is stored with a message key and its arguments, so
 * it is shown in the reader's language of the day, and a link inside the application to what it is
 * about. The layout shows how many are unread; {@code /notifications} lists them.
 */
public interface Notifications {

  /** Adds a notification for this account, in the caller's transaction. */
  void notify(UUID accountId, Notice notice);

  /** How many notifications of this account are unread. */
  long unread(UUID accountId);

  /**
   * What a notification says and where it leads.
   *
   * @param messageKey a key of the message bundles, its text with {@code {0}}, {@code {1}}… for the
   *     arguments
   * @param arguments the values of those placeholders, shown as written (text, so a message for a
   *     notification uses plain placeholders, not number or choice formats)
   * @param link a path inside the application ({@code /workspace/SVN/actions/…})
   */
  record Notice(String messageKey, List<String> arguments, String link) {

    public Notice {
      Objects.requireNonNull(messageKey, "messageKey");
      arguments = List.copyOf(arguments);
      Objects.requireNonNull(link, "link");
      if (!link.startsWith("/") || link.startsWith("//")) {
        throw new IllegalArgumentException("A notification links inside the application: " + link);
      }
    }
  }
}
