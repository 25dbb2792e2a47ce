package org.coopera.funds.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import org.coopera.platform.InvalidInputException;

/**
 * Amounts of money as the funds keep them: an amount in an ISO 4217 currency with no more decimals
 * than the currency has, converted to US dollars at the rate used and rounded half-even to cents.
 */
public final class Money {

  /** The most decimals a rate may carry (the column is {@code numeric(18, 8)}). */
  static final int RATE_SCALE = 8;

  /** The largest amount a column {@code numeric(18, 2)} holds. */
  static final BigDecimal MAX = new BigDecimal("9999999999999999.99");

  private Money() {}

  /**
   * The currency of the code, refused when ISO 4217 does not know it or when it has no minor unit
   * (gold, special drawing rights...).
   */
  public static Currency currency(String code, String field) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      throw new InvalidInputException("funds.error.currency", field, String.valueOf(code));
    }
    Currency currency;
    try {
      currency = Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("funds.error.currency", field, code);
    }
    if (currency.getDefaultFractionDigits() < 0) {
      throw new InvalidInputException("funds.error.currency", field, code);
    }
    return currency;
  }

  /** A positive amount with no more decimals than the currency allows. */
  public static BigDecimal amount(BigDecimal amount, Currency currency, String field) {
    if (amount == null || amount.signum() <= 0 || amount.compareTo(MAX) > 0) {
      throw new InvalidInputException("funds.error.amount", field);
    }
    int digits = currency.getDefaultFractionDigits();
    if (amount.stripTrailingZeros().scale() > digits) {
      throw new InvalidInputException(
          "funds.error.precision", field, currency.getCurrencyCode(), digits);
    }
    return amount.setScale(Math.max(digits, 0), RoundingMode.UNNECESSARY);
  }

  /** A positive amount in US dollars, at most to the cent. */
  public static BigDecimal usd(BigDecimal amount, String field) {
    return amount(amount, Currency.getInstance("USD"), field).setScale(2);
  }

  /** A positive rate of at most {@value #RATE_SCALE} decimals. */
  public static BigDecimal rate(BigDecimal rate, String field) {
    if (rate == null || rate.signum() <= 0 || rate.compareTo(new BigDecimal("1000000000")) >= 0) {
      throw new InvalidInputException("funds.error.rate", field);
    }
    if (rate.stripTrailingZeros().scale() > RATE_SCALE) {
      throw new InvalidInputException("funds.error.rate", field);
    }
    return rate;
  }

  /** The amount in US dollars: amount × rate, rounded half-even to cents; never zero. */
  public static BigDecimal toUsd(BigDecimal amount, BigDecimal rate, String field) {
    BigDecimal usd = amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
    if (usd.signum() <= 0 || usd.compareTo(MAX) > 0) {
      throw new InvalidInputException("funds.error.usd-zero", field);
    }
    return usd;
  }

  /** {@code USD 1,200.00}: the figures a refusal and a report show. */
  public static String format(BigDecimal usd) {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return "USD " + format.format(usd);
  }

  /** An amount in US dollars as the language writes numbers, after the currency code. */
  public static String format(BigDecimal usd, Locale language) {
    java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(language);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return "USD " + format.format(usd);
  }
}
