package org.coopera.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
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

  @Test
  void passwordsOfThePublicListsAreRefusedWhateverTheirCase() {
    // from the zxcvbn-ts list, and from the SecLists top million (both long enough otherwise)
    for (String common :
        new String[] {
          "1qaz2wsx3edc", "QWERTY123456", "Qazwsxedcrfv", "iloveyou1234", "passwordpassword"
        }) {
      assertThatThrownBy(() -> PasswordPolicy.check(common, "someone@example.org"))
          .as(common)
          .hasMessage("password.error.common");
    }
  }

  @Test
  void theListsAreLoadedWholeAndOnlyListedPasswordsMatch() {
    // 49,233 + 44,150 entries, fewer once lower-cased and merged
    assertThat(CommonPasswords.size()).isBetween(80_000, 93_383);
    assertThat(CommonPasswords.contains("password")).isTrue();
    assertThat(CommonPasswords.contains("PaSsWoRd")).isTrue();
    assertThat(CommonPasswords.contains("correct horse battery")).isFalse();
    assertThat(CommonPasswords.contains("")).isFalse();
  }
}
