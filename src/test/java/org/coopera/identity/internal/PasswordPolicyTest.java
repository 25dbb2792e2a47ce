package org.coopera.identity.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void aLongPassphraseIsAccepted() {
    assertThatCode(() -> PasswordPolicy.check("correct horse battery", "someone@example.org"))
        .doesNotThrowAnyException();
  }

  @Test
  void shortBlankOverlongOrEmailLikePasswordsAreRefusedWithTheirReason() {
    assertThatThrownBy(() -> PasswordPolicy.check("elevenchars", "a@example.org"))
        .hasMessage("password.error.too-short");
    assertThatThrownBy(() -> PasswordPolicy.check("            ", "a@example.org"))
        .hasMessage("password.error.too-short");
    assertThatThrownBy(() -> PasswordPolicy.check("x".repeat(129), "a@example.org"))
        .hasMessage("password.error.too-long");
    assertThatThrownBy(() -> PasswordPolicy.check("my-Maria.Lopez-2026", "maria.lopez@example.org"))
        .hasMessage("password.error.contains-email");
  }
}
