package org.coopera.implementation.report;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.platform.Languages;
import org.springframework.context.MessageSource;

/**
 * The labels, dates and amounts of one report, in its language: every word the writers add to the
 * State's data comes from the message bundles through here.
 */
final class ReportLabels {

  private final MessageSource messages;
  private final Locale language;
  private final DateTimeFormatter dates;

  ReportLabels(MessageSource messages, Locale language) {
    this.messages = messages;
    this.language = Languages.writing(language);
    this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(this.language);
  }

  Locale language() {
    return language;
  }

  /** The message of {@code key}; arguments, when given, are formatted for the language. */
  String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments.length == 0 ? null : arguments, language);
  }

  /** A label followed by the language's separator ({@code Status:}, {@code État :}). */
  String label(String key) {
    return text(key) + text("report.label-suffix");
  }

  String status(ImplementationStatus status) {
    return status == null ? text("report.not-set") : text(status.messageKey());
  }

  /** The response's label; an unknown key is shown as it is rather than failing the report. */
  String response(String key) {
    if (key == null || key.isBlank()) {
      return text("report.not-set");
    }
    return messages.getMessage(key, null, key, language);
  }

  String date(LocalDate date) {
    return date == null ? text("report.not-set") : dates.format(date);
  }

  String number(BigDecimal value) {
    if (value == null) {
      return text("report.not-set");
    }
    NumberFormat format = NumberFormat.getNumberInstance(language);
    format.setMaximumFractionDigits(Math.max(0, value.scale()));
    return format.format(value);
  }

  String count(long count) {
    return NumberFormat.getIntegerInstance(language).format(count);
  }

  /**
   * An amount with its currency as the language writes it ({@code $1,234.50}, {@code 1 234,50 €});
   * a currency code the JDK does not know is written after the number.
   */
  String money(BigDecimal amount, String currencyCode) {
    if (amount == null) {
      return text("report.not-set");
    }
    Currency currency = currency(currencyCode);
    if (currency == null) {
      String number = number(amount);
      return currencyCode == null || currencyCode.isBlank()
          ? number
          : number + " " + currencyCode.strip();
    }
    NumberFormat format = NumberFormat.getCurrencyInstance(language);
    format.setCurrency(currency);
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(amount);
  }

  /** The text, or the label for a value not given. */
  String orNotSet(String value) {
    return value == null || value.isBlank() ? text("report.not-set") : value;
  }

  private static Currency currency(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    try {
      return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
