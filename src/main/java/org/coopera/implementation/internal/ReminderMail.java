package org.coopera.implementation.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.coopera.identity.AccountNames;
import org.coopera.platform.Email;
import org.coopera.platform.Languages;
import org.coopera.platform.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the reminders' and digests' e-mail: in each recipient's chosen language (English when they
 * chose none, or one the application does not have), with dates and numbers as that language writes
 * them ({@link Languages}) and links that work from a mail client ({@code coopera.base-url} in
 * front of the application's path).
 */
@Component
class ReminderMail {

  private final MessageSource messages;
  private final AccountNames accounts;
  private final Outbox outbox;
  private final String baseUrl;
  private final List<String> languages;

  ReminderMail(
      MessageSource messages,
      AccountNames accounts,
      Outbox outbox,
      @Value("${coopera.base-url:http://localhost:8080}") String baseUrl,
      @Value("${coopera.web.languages:en,ar,zh,fr,ru,es}") List<String> languages) {
    this.messages = messages;
    this.accounts = accounts;
    this.outbox = outbox;
    this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
    this.languages = languages;
  }

  /** The language of mail to each of these accounts. */
  Map<UUID, Locale> localesOf(Collection<UUID> accountIds) {
    Map<UUID, String> chosen = accounts.languages(accountIds);
    Map<UUID, Locale> locales = new java.util.HashMap<>();
    for (UUID id : accountIds) {
      String language = chosen.get(id);
      locales.put(
          id,
          language != null && languages.contains(language)
              ? Languages.locale(language)
              : Locale.ENGLISH);
    }
    return locales;
  }

  String text(Locale locale, String key, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  String date(Locale locale, LocalDate date) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }

  /** An address of the application that works from outside it. */
  String url(String path) {
    return baseUrl + path;
  }

  /** Whether mail is sent at all (an SMTP server is configured). */
  boolean enabled() {
    return outbox.enabled();
  }

  /** Queues the mail in the current transaction, when mail is sent at all. */
  void send(String to, String subject, String body) {
    if (outbox.enabled() && to != null && to.contains("@")) {
      outbox.queue(new Email(to, subject.replaceAll("[\\r\\n]+", " "), body));
    }
  }
}
