package org.coopera.implementation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The iCalendar file as RFC 5545 wants it: escaped text, folded lines, all-day events. */
class ICalendarTest {

  @Test
  void textIsEscapedAndLongLinesAreFoldedWithoutSplittingACharacter() {
    String summary =
        "Action: Réformer le code pénal; consulter la société civile, les ONG et l’institution"
            + " nationale \\ «droits de l’homme»\nsecond line";
    String ics =
        new ICalendar("Deadlines – Paraguay", Instant.parse("2030-03-10T06:00:00Z"))
            .event(
                "action:1@coopera.test",
                LocalDate.of(2030, 3, 15),
                summary,
                null,
                "https://nmrf.example.org/workspace/PRY/assignments/1")
            .end();

    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
    assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length)
          .as("octets of " + line)
          .isLessThanOrEqualTo(75);
      assertThat(line).doesNotContain("\uFFFD");
    }
    String unfolded = ics.replace("\r\n ", "");
    assertThat(unfolded)
        .contains(
            "SUMMARY:Action: Réformer le code pénal\\; consulter la société civile\\, les ONG et"
                + " l’institution nationale \\\\ «droits de l’homme»\\nsecond line\r\n")
        .contains("DTSTART;VALUE=DATE:20300315\r\n")
        .contains("DTEND;VALUE=DATE:20300316\r\n")
        .contains("DTSTAMP:20300310T060000Z\r\n")
        .contains("UID:action:1@coopera.test\r\n")
        .contains("URL:https://nmrf.example.org/workspace/PRY/assignments/1\r\n");
    assertThat(ics).as("the summary is folded").contains("\r\n ");
  }

  @Test
  void aLineOfExactlySeventyFiveOctetsIsNotFolded() {
    String ics = new ICalendar("x".repeat(75 - "X-WR-CALNAME:".length()), Instant.EPOCH).end();
    assertThat(ics).contains("X-WR-CALNAME:" + "x".repeat(62) + "\r\nEND:VCALENDAR");
  }
}
