package org.coopera.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.coopera.funds.internal.Money;
import org.coopera.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Amounts in their currency's precision, converted to US dollars half-even to the cent. */
class FundMoneyTest {

  @Test
  void convertsAtTheRateRoundingHalfEvenToCents() {
    assertThat(Money.toUsd(new BigDecimal("25000000"), new BigDecimal("0.0915"), "usdRate"))
        .isEqualByComparingTo("2287500.00");
    // 0.125 → 0.12 and 0.135 → 0.14: half-even, not half-up
    assertThat(Money.toUsd(new BigDecimal("1.25"), new BigDecimal("0.1"), "usdRate"))
        .isEqualTo(new BigDecimal("0.12"));
    assertThat(Money.toUsd(new BigDecimal("1.35"), new BigDecimal("0.1"), "usdRate"))
        .isEqualTo(new BigDecimal("0.14"));
  }

  @Test
  void refusesMoreDecimalsThanTheCurrencyHas() {
    assertThat(Money.amount(new BigDecimal("1500"), Currency.getInstance("JPY"), "amount"))
        .isEqualTo(new BigDecimal("1500"));
    assertThatThrownBy(
            () -> Money.amount(new BigDecimal("1500.5"), Currency.getInstance("JPY"), "amount"))
        .isInstanceOf(InvalidInputException.class)
        .extracting("messageKey", "field")
        .containsExactly("funds.error.precision", "amount");
    assertThat(Money.amount(new BigDecimal("1.125"), Currency.getInstance("KWD"), "amount"))
        .isEqualTo(new BigDecimal("1.125"));
    assertThatThrownBy(
            () -> Money.amount(new BigDecimal("10.001"), Currency.getInstance("EUR"), "amount"))
        .isInstanceOf(InvalidInputException.class);
    // trailing zeros are no extra precision
    assertThat(Money.amount(new BigDecimal("10.500"), Currency.getInstance("EUR"), "amount"))
        .isEqualTo(new BigDecimal("10.50"));
  }

  @Test
  void refusesUnknownCurrenciesAndThoseWithoutMinorUnit() {
    for (String code : new String[] {"XYZ", "usd", "EURO", "", "XAU"}) {
      assertThatThrownBy(() -> Money.currency(code, "currency"))
          .isInstanceOf(InvalidInputException.class)
          .extracting("messageKey")
          .isEqualTo("funds.error.currency");
    }
    assertThat(Money.currency("NOK", "currency").getDefaultFractionDigits()).isEqualTo(2);
  }

  @Test
  void refusesNonPositiveAmountsAndRates() {
    Currency usd = Currency.getInstance("USD");
    assertThatThrownBy(() -> Money.amount(BigDecimal.ZERO, usd, "amount"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Money.amount(new BigDecimal("-5"), usd, "amount"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Money.rate(new BigDecimal("0"), "usdRate"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Money.rate(new BigDecimal("0.123456789"), "usdRate"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Money.toUsd(new BigDecimal("1"), new BigDecimal("0.001"), "usdRate"))
        .extracting("messageKey")
        .isEqualTo("funds.error.usd-zero");
  }

  @Test
  void formatsFiguresForRefusals() {
    assertThat(Money.format(new BigDecimal("1200"))).isEqualTo("USD 1,200.00");
    assertThat(Money.format(new BigDecimal("5000000.5"))).isEqualTo("USD 5,000,000.50");
  }
}
