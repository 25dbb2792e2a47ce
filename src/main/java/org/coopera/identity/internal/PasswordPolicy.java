package org.coopera.identity.internal;

import java.util.Locale;

/**
 * What a password must be: long enough, not absurdly long, not the e-mail address, and not in a
 * public list of common or breached passwords ({@link CommonPasswords}, ignoring case).
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  static void check(String password, String email) {
    int length = password == null ? 0 : password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw new AccountException("password.error.too-short", "password", MIN_LENGTH);
    }
    if (length > MAX_LENGTH) {
      throw new AccountException("password.error.too-long", "password", MAX_LENGTH);
    }
    if (password.isBlank()) {
      throw new AccountException("password.error.too-short", "password", MIN_LENGTH);
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String localPart = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@", 2)[0];
    if (localPart.length() >= 4 && lower.contains(localPart)) {
      throw new AccountException("password.error.contains-email", "password");
    }
    if (CommonPasswords.contains(password)) {
      throw new AccountException("password.error.common", "password");
    }
  }
}
