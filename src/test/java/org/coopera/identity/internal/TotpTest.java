package org.coopera.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

  /** The SHA-1 seed of RFC 6238 appendix B, "12345678901234567890". */
  private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void theCodesAreThoseOfRfc6238AppendixB() {
    long[][] vectors = {
      {59L, 94287082L},
      {1111111109L, 7081804L},
      {1111111111L, 14050471L},
      {1234567890L, 89005924L},
      {2000000000L, 69279037L},
      {20000000000L, 65353130L}
    };
    for (long[] vector : vectors) {
      long step = Totp.step(Instant.ofEpochSecond(vector[0]));
      assertThat(Totp.code(RFC_KEY, step, 8))
          .as("T = %d", vector[0])
          .isEqualTo(String.format("%08d", vector[1]));
      // six digits are the last six of the eight
      assertThat(Totp.code(RFC_KEY, step, 6))
          .isEqualTo(String.format("%08d", vector[1]).substring(2));
    }
  }

  @Test
  void base32IsThatOfRfc4648WithoutPadding() {
    assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
    assertThat(new String(Totp.fromBase32("mzxw 6ytb oi======"), StandardCharsets.US_ASCII))
        .isEqualTo("foobar");
    String secret = Totp.base32(RFC_KEY);
    assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(Totp.code(secret, 1)).isEqualTo("287082");
  }

  @Test
  void aCodeMatchesInItsStepAndOneStepEitherSideOnly() {
    String secret = Totp.newSecret();
    assertThat(Totp.fromBase32(secret)).hasSize(20);
    Instant now = Instant.ofEpochSecond(1_800_000_015L);
    long step = Totp.step(now);
    assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now)).isEqualTo(step);
    assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).isEqualTo(step - 1);
    assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).isEqualTo(step + 1);
    // two steps away (a minute) is too far, unless by chance the codes coincide
    String old = Totp.code(secret, step - 2);
    if (!old.equals(Totp.code(secret, step - 1))
        && !old.equals(Totp.code(secret, step))
        && !old.equals(Totp.code(secret, step + 1))) {
      assertThat(Totp.matchingStep(secret, old, now)).isEqualTo(-1);
    }
    assertThat(Totp.matchingStep(secret, "12345", now)).isEqualTo(-1);
    assertThat(Totp.matchingStep(secret, "abcdef", now)).isEqualTo(-1);
    assertThat(Totp.matchingStep(secret, null, now)).isEqualTo(-1);
  }

  @Test
  void theUriNamesTheIssuerAccountAndParameters() {
    assertThat(Totp.uri("Coopera", "ana maria@example.org", "ABC"))
        .isEqualTo(
            "otpauth://totp/Coopera:ana%20maria%40example.org?secret=ABC&issuer=Coopera"
                + "&algorithm=SHA1&digits=6&period=30");
  }
}
