package org.coopera.assistance.web.requests;

import java.util.Locale;
import org.coopera.assistance.requests.Matching;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A reason of a match in words: {@code area: police}, {@code language: French}. */
@Component
class MatchReasons {

  private final MessageSource messages;

  MatchReasons(MessageSource messages) {
    this.messages = messages;
  }

  String text(Matching.Reason reason, Locale locale) {
    String kind = messages.getMessage("assistance.reason." + reason.kind(), null, locale);
    String value =
        switch (reason.kind()) {
          case "area", "form" ->
              messages.getMessage(
                  "assistance." + reason.kind() + "." + reason.code(), null, reason.code(), locale);
          case "language" -> Locale.forLanguageTag(reason.code()).getDisplayLanguage(locale);
          case "region" ->
              messages.getMessage("region." + reason.code(), null, reason.code(), locale);
          default -> reason.code();
        };
    return kind + ": " + value;
  }
}
