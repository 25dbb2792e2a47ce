package org.coopera.platform;

import java.util.Objects;

/**
 * One e-mail to one person: plain text, in the language the caller chose for them.
 *
 * @param to the recipient's address
 * @param subject one line
 * @param text the body, plain text
 */
public record Email(String to, String subject, String text) {

  public Email {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    if (to.isBlank() || !to.contains("@")) {
      throw new IllegalArgumentException("Not an e-mail address: " + to);
    }
    if (subject.contains("\n") || subject.contains("\r")) {
      throw new IllegalArgumentException("A subject is one line");
    }
  }
}
