package org.coopera.implementation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.implementation.WorkspaceFixture;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reminders and digests with a chosen day (the run is given its instant) against a real SMTP
 * server in the test's process: who is told of what and when, once only, in their language, with
 * links that work from a mail client; nothing reaches another State's officials.
 */
@CooperaIntegrationTest
class RemindersIT {

  private static final int PORT = freePort();
  private static final String COORDINATOR_SVN = "coordinator.svn@demo.coopera.org";

  /** The day of the first run: 10 March 2030, at six in the morning (UTC). */
  private static final LocalDate TODAY = LocalDate.of(2030, 3, 10);

  @RegisterExtension
  static final GreenMailExtension smtp =
      new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    properties.add("coopera.mail.host", () -> "127.0.0.1");
    properties.add("coopera.mail.port", () -> PORT);
    properties.add("coopera.mail.start-tls", () -> "false");
    properties.add("coopera.mail.poll-interval", () -> "200ms");
    properties.add("coopera.base-url", () -> "https://nmrf.example.org/");
    // The test runs the reminders itself, with the instant it chooses.
    properties.add("coopera.reminders.cron", () -> "-");
  }

  @Autowired Reminders reminders;
  @Autowired JdbcClient jdbc;
  @Autowired MessageSource messages;

  private WorkspaceFixture fixture;
  private UUID justice;
  private UUID court;
  private UUID focal;
  private UUID coordinator;
  private UUID coordinatorSvn;
  private UUID assignment;
  private UUID trainJudges;
  private UUID publishLaw;
  private UUID indicator;
  private UUID bill;
  private UUID svnAction;

  @BeforeEach
  void workspace() {
    fixture = new WorkspaceFixture(jdbc);
    fixture.clear();
    jdbc.sql("update account set preferred_language = null").update();
    justice = fixture.institution("PRY", "Ministerio de Justicia"); // focal point: focal.pry
    court = fixture.institution("PRY", "Corte Suprema de Justicia"); // no focal point
    focal = fixture.account(DemoLogins.FOCAL_POINT_PRY);
    coordinator = fixture.account(DemoLogins.COORDINATOR_PRY);
    coordinatorSvn = fixture.account(COORDINATOR_SVN);

    assignment =
        fixture.assignment("PRY", "Judicial independence", court, LocalDate.of(2030, 12, 31));
    trainJudges =
        fixture.action(
            assignment,
            "Train judges",
            justice,
            TODAY.plusDays(5),
            ImplementationStatus.IN_PROGRESS);
    publishLaw =
        fixture.action(
            assignment,
            "Publish the law",
            court,
            TODAY.minusDays(3),
            ImplementationStatus.NOT_STARTED);
    fixture.action(
        assignment,
        "Draft the regulation",
        justice,
        TODAY.plusDays(30),
        ImplementationStatus.NOT_STARTED);
    fixture.action(
        assignment,
        "Hold the hearings",
        justice,
        TODAY.minusDays(10),
        ImplementationStatus.FULLY_IMPLEMENTED);
    // reported every six months from 1 March 2029: due 1 September 2029 (submitted), 1 March
    // 2030 (overdue) and 1 September 2030
    indicator =
        fixture.indicator(
            assignment,
            "Judges trained in human rights",
            6,
            LocalDate.of(2029, 3, 1),
            LocalDate.of(2030, 9, 1));
    fixture.indicatorUpdate(
        "PRY", assignment, indicator, LocalDate.of(2029, 9, 1), "SUBMITTED", focal);
    bill = fixture.milestone(indicator, 1, "Bill adopted", TODAY.plusDays(7), null);
    fixture.milestone(indicator, 2, "Consultation held", TODAY.minusDays(40), TODAY.minusDays(41));

    UUID svnJustice = fixture.institution("SVN", "National Assembly"); // no focal point
    UUID svnAssignment = fixture.assignment("SVN", "Prison conditions", svnJustice, null);
    svnAction =
        fixture.action(
            svnAssignment,
            "Renovate the prison",
            svnJustice,
            TODAY.plusDays(2),
            ImplementationStatus.NOT_STARTED);
  }

  @AfterEach
  void clean() {
    fixture.clear();
    jdbc.sql("update account set preferred_language = null").update();
  }

  @Test
  void eachItemDueWithinAWeekOrOverdueIsAnnouncedOnceToWhoeverAnswersForIt() throws Exception {
    reminders.run(sixAm(TODAY));

    assertThat(sent())
        .containsExactlyInAnyOrder(
            "action:" + trainJudges + " 2030-03-15 DUE_SOON " + focal,
            "action:" + publishLaw + " 2030-03-07 OVERDUE " + coordinator,
            "indicator:" + indicator + ":2030-03-01 2030-03-01 OVERDUE " + coordinator,
            "milestone:" + bill + " 2030-03-17 DUE_SOON " + coordinator,
            "action:" + svnAction + " 2030-03-12 DUE_SOON " + coordinatorSvn);
    assertThat(notices(focal))
        .containsExactly(
            "deadlines.reminder.due-soon.action [Train judges, 2030-03-15] /workspace/PRY/assignments/"
                + assignment);
    assertThat(notices(coordinator))
        .containsExactlyInAnyOrder(
            "deadlines.reminder.overdue.action [Publish the law, 2030-03-07] /workspace/PRY/assignments/"
                + assignment,
            "deadlines.reminder.overdue.indicator [Judges trained in human rights, 2030-03-01]"
                + " /workspace/PRY/assignments/"
                + assignment,
            "deadlines.reminder.due-soon.milestone [Bill adopted, 2030-03-17] /workspace/PRY/assignments/"
                + assignment,
            "deadlines.digest.notice [1, 0, 2, 2] /workspace/PRY/calendar");
    assertThat(notices(coordinatorSvn))
        .allMatch(n -> n.contains("Renovate the prison") || n.contains("/workspace/SVN/"))
        .hasSize(2);

    List<MimeMessage> mail = received(7);
    MimeMessage toFocal = only(mail, DemoLogins.FOCAL_POINT_PRY);
    assertThat(toFocal.getSubject())
        .isEqualTo("Coopera reminder: due on March 15, 2030 – Train judges");
    assertThat(body(toFocal))
        .contains("Hello Demo Focal Point")
        .contains("The action “Train judges” is due on March 15, 2030.")
        .contains("Responsible institution: Ministerio de Justicia")
        .contains(
            "Open it in Coopera: https://nmrf.example.org/workspace/PRY/assignments/" + assignment)
        .contains("as a focal point of Ministerio de Justicia");
    assertThat(to(mail, DemoLogins.COORDINATOR_PRY)).hasSize(4);
    assertThat(to(mail, COORDINATOR_SVN)).hasSize(2);
    assertThat(to(mail, COORDINATOR_SVN))
        .allMatch(m -> !body(m).contains("Judicial independence") && !body(m).contains("PRY"));

    reminders.run(sixAm(TODAY));
    reminders.run(sixAm(TODAY).plusSeconds(3600));
    assertThat(sent()).as("a second run the same day sends nothing again").hasSize(5);
    assertThat(count("notification")).isEqualTo(1 + 4 + 2);
    assertThat(count("mail_outbox")).isEqualTo(7);
  }

  @Test
  void anItemNotDoneByItsDateIsAnnouncedOverdueTheDayAfter() throws Exception {
    reminders.run(sixAm(TODAY));
    received(7);

    reminders.run(sixAm(TODAY.plusDays(6)));

    assertThat(sent())
        .contains(
            "action:" + trainJudges + " 2030-03-15 DUE_SOON " + focal,
            "action:" + trainJudges + " 2030-03-15 OVERDUE " + focal);
    assertThat(notices(focal))
        .contains(
            "deadlines.reminder.overdue.action [Train judges, 2030-03-15] /workspace/PRY/assignments/"
                + assignment);
    MimeMessage overdue =
        received(7 + 2 + 2).stream()
            .filter(m -> subject(m).contains("overdue since March 15, 2030 – Train judges"))
            .findFirst()
            .orElseThrow();
    assertThat(body(overdue)).contains("The action “Train judges” was due on March 15, 2030");
  }

  @Test
  void theCoordinatorsDigestSaysWhatAwaitsThemInTheirLanguageOnceADay() throws Exception {
    jdbc.sql("update account set preferred_language = 'fr' where id = ?")
        .param(coordinator)
        .update();
    UUID approved =
        fixture.action(
            assignment,
            "Translate the code",
            justice,
            TODAY.plusDays(60),
            ImplementationStatus.IN_PROGRESS);
    fixture.actionUpdate("PRY", assignment, approved, "APPROVED", focal);

    reminders.run(sixAm(TODAY));

    MimeMessage digest =
        to(received(7), DemoLogins.COORDINATOR_PRY).stream()
            .filter(m -> subject(m).startsWith("Résumé quotidien Coopera"))
            .findFirst()
            .orElseThrow();
    assertThat(digest.getSubject()).isEqualTo("Résumé quotidien Coopera – Paraguay, 10 mars 2030");
    assertThat(body(digest))
        .contains("Mises à jour en attente de votre examen (1) :")
        .contains("- Judges trained in human rights (Judicial independence)")
        .contains("Mises à jour approuvées non encore publiées (1) :")
        .contains("- Translate the code (Judicial independence)")
        .contains("En retard (2) :")
        .contains("7 mars 2030 · Action : Publish the law (Corte Suprema de Justicia)")
        .contains("1 mars 2030 · Rapport d’indicateur : Judges trained in human rights")
        .contains("Échéances dans les 14 prochains jours (2) :")
        .contains("15 mars 2030 · Action : Train judges (Ministerio de Justicia)")
        .contains("17 mars 2030 · Jalon : Bill adopted")
        .contains("https://nmrf.example.org/workspace/PRY/review")
        .contains("https://nmrf.example.org/workspace/PRY/calendar")
        .doesNotContain("Draft the regulation", "Hold the hearings", "Renovate the prison");
    assertThat(
            to(received(7), DemoLogins.COORDINATOR_PRY).stream()
                .filter(m -> subject(m).startsWith("Rappel Coopera"))
                .count())
        .as("the coordinator's reminders are in French too")
        .isEqualTo(3);
    assertThat(to(received(7), DemoLogins.FOCAL_POINT_PRY).get(0).getSubject())
        .as("the focal point chose no language: English")
        .startsWith("Coopera reminder");

    reminders.run(sixAm(TODAY).plusSeconds(7200));
    assertThat(digests())
        .containsExactlyInAnyOrder(coordinator + " 2030-03-10", coordinatorSvn + " 2030-03-10");

    reminders.run(sixAm(TODAY.plusDays(1)));
    assertThat(digests())
        .as("one digest a day")
        .contains(coordinator + " 2030-03-11", coordinatorSvn + " 2030-03-11")
        .hasSize(4);
  }

  @Test
  void mailToArabicAndChineseReadersIsInTheirLanguageWithAnEncodedSubject() throws Exception {
    jdbc.sql("update account set preferred_language = 'ar' where id = ?").param(focal).update();
    jdbc.sql("update account set preferred_language = 'zh' where id = ?")
        .param(coordinator)
        .update();
    Locale arabic = Locale.forLanguageTag("ar");
    Locale chinese = Locale.forLanguageTag("zh");

    reminders.run(sixAm(TODAY));

    List<MimeMessage> mail = received(7);
    MimeMessage toFocal = only(mail, DemoLogins.FOCAL_POINT_PRY);
    assertThat(toFocal.getSubject())
        .isEqualTo(
            messages.getMessage(
                "deadlines.mail.subject.due-soon",
                new Object[] {longDate(arabic, TODAY.plusDays(5)), "Train judges"},
                arabic));
    String focalName =
        jdbc.sql("select display_name from account where id = ?")
            .param(focal)
            .query(String.class)
            .single();
    assertThat(body(toFocal))
        .startsWith(
            messages.getMessage("deadlines.mail.greeting", new Object[] {focalName}, arabic))
        .contains(
            messages.getMessage(
                "deadlines.mail.institution", new Object[] {"Ministerio de Justicia"}, arabic));

    List<MimeMessage> toCoordinator = to(mail, DemoLogins.COORDINATOR_PRY);
    assertThat(toCoordinator)
        .extracting(RemindersIT::subject)
        .contains(
            messages.getMessage(
                "deadlines.mail.subject.overdue",
                new Object[] {longDate(chinese, TODAY.minusDays(3)), "Publish the law"},
                chinese))
        .anyMatch(subject -> subject.contains(longDate(chinese, TODAY)));

    for (MimeMessage m : List.of(toFocal, toCoordinator.get(0))) {
      assertThat(m.getHeader("Subject")[0])
          .as("a subject beyond ASCII is MIME-encoded as UTF-8 (RFC 2047)")
          .startsWithIgnoringCase("=?UTF-8?");
      assertThat(m.getContentType()).containsIgnoringCase("charset=UTF-8");
    }
    assertThat(longDate(arabic, TODAY)).as("the date in Arabic").containsPattern("\\p{IsArabic}");
    assertThat(subject(toFocal)).contains(longDate(arabic, TODAY.plusDays(5)));
    assertThat(toCoordinator)
        .extracting(RemindersIT::subject)
        .anyMatch(subject -> subject.contains("年"));
  }

  @Test
  void noDigestWhenNothingAwaitsTheCoordinator() {
    jdbc.sql("update implementation_action set status = 'FULLY_IMPLEMENTED' where id = ?")
        .param(svnAction)
        .update();

    reminders.run(sixAm(TODAY));

    assertThat(digests()).containsExactly(coordinator + " 2030-03-10");
    assertThat(notices(coordinatorSvn)).isEmpty();
  }

  // --- helpers ---

  private static String longDate(Locale locale, LocalDate date) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }

  private static Instant sixAm(LocalDate day) {
    return day.atTime(6, 0).toInstant(java.time.ZoneOffset.UTC);
  }

  private List<String> sent() {
    return jdbc.sql("select item_key, due_date, kind, account_id from reminder_sent")
        .query(
            (rs, n) ->
                rs.getString(1)
                    + " "
                    + rs.getDate(2)
                    + " "
                    + rs.getString(3)
                    + " "
                    + rs.getString(4))
        .list();
  }

  private List<String> digests() {
    return jdbc.sql("select account_id, day from digest_sent")
        .query((rs, n) -> rs.getString(1) + " " + rs.getDate(2))
        .list();
  }

  private List<String> notices(UUID account) {
    return jdbc.sql("select message_key, arguments, link from notification where account_id = ?")
        .param(account)
        .query(
            (rs, n) ->
                rs.getString(1)
                    + " "
                    + List.of((String[]) rs.getArray(2).getArray())
                    + " "
                    + rs.getString(3))
        .list();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /** Waits for the sender to deliver this many mails in all, and answers them. */
  private List<MimeMessage> received(int count) {
    assertThat(smtp.waitForIncomingEmail(15_000, count)).as(count + " mails delivered").isTrue();
    MimeMessage[] all = smtp.getReceivedMessages();
    assertThat(all).hasSize(count);
    return List.of(all);
  }

  private static List<MimeMessage> to(List<MimeMessage> mail, String address) {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : mail) {
      try {
        if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
          found.add(m);
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
  }

  private static MimeMessage only(List<MimeMessage> mail, String address) {
    List<MimeMessage> found = to(mail, address);
    assertThat(found).as("mail to " + address).hasSize(1);
    return found.get(0);
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MimeMessage m) {
    try {
      return ((String) m.getContent()).replace("\r\n", "\n");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
