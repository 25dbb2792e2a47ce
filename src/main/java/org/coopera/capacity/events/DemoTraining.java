package org.coopera.capacity.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coopera.assistance.ProjectLookup;
import org.coopera.capacity.roster.Roster;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, once: the treaty body capacity-building programme's regional train-the-trainers
 * events (paras 90-94) and a national course, with fictional participants marked as demo, their
 * scores, the trainers they certified (some of whom consented to be listed), and the demo trainer's
 * own roster entry. Everything goes through the services, as OHCHR's demo officer.
 */
@Component
class DemoTraining {

  private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);
  private static final String OFFICER = "officer.ohchr@demo.coopera.org";

  /** A fictional participant: name, State, scores before and after, attended, consents. */
  private record Person(String name, String state, Integer pre, Integer post, boolean attended) {}

  private record Demo(
      String title,
      String kind,
      String treaty,
      LocalDate starts,
      LocalDate ends,
      String place,
      boolean complete,
      List<Person> people) {}

  private static final List<Demo> DEMOS =
      List.of(
          new Demo(
              "Regional train-the-trainers on treaty body reporting, Africa (demo)",
              "TRAIN_THE_TRAINERS",
              null,
              LocalDate.of(2016, 6, 6),
              LocalDate.of(2016, 6, 10),
              "Addis Ababa",
              true,
              List.of(
                  new Person("Amina T. (demo)", "ETH", 48, 82, true),
                  new Person("Joseph K. (demo)", "KEN", 55, 78, true),
                  new Person("Fatou D. (demo)", "SEN", 62, 88, true),
                  new Person("Kwame A. (demo)", "GHA", 40, 66, true),
                  new Person("Grace N. (demo)", "UGA", 51, 74, true),
                  new Person("Eric M. (demo)", "RWA", 58, 61, true),
                  new Person("Mulenga C. (demo)", "ZMB", null, null, false),
                  new Person("Oumou S. (demo)", "MLI", 45, 80, true))),
          new Demo(
              "Regional train-the-trainers on treaty body reporting, Asia-Pacific (demo)",
              "TRAIN_THE_TRAINERS",
              null,
              LocalDate.of(2017, 3, 13),
              LocalDate.of(2017, 3, 17),
              "Bangkok",
              true,
              List.of(
                  new Person("Somchai P. (demo)", "THA", 50, 79, true),
                  new Person("Khamla V. (demo)", "LAO", 43, 72, true),
                  new Person("Sokha R. (demo)", "KHM", 47, 65, true),
                  new Person("Maria L. (demo)", "PHL", 60, 91, true),
                  new Person("Bat-Erdene G. (demo)", "MNG", 52, 76, true),
                  new Person("Litia V. (demo)", "FJI", 38, 70, true))),
          new Demo(
              "National course on reporting to the CRPD Committee, Paraguay (demo)",
              "NATIONAL_COURSE",
              "crpd",
              LocalDate.of(2026, 2, 16),
              LocalDate.of(2026, 2, 18),
              "Asunción",
              true,
              List.of(
                  new Person("Rosa B. (demo)", "PRY", 35, 71, true),
                  new Person("Carlos G. (demo)", "PRY", 44, 69, true),
                  new Person("Lucía F. (demo)", "PRY", 51, 58, true),
                  new Person("Diego A. (demo)", "PRY", null, 73, true))),
          new Demo(
              "Regional train-the-trainers on the CRPD, Latin America (demo)",
              "TRAIN_THE_TRAINERS",
              "crpd",
              LocalDate.of(2027, 4, 12),
              LocalDate.of(2027, 4, 16),
              "Panama City",
              false,
              List.of(
                  new Person("Ana P. (demo)", "PAN", null, null, false),
                  new Person("Jorge M. (demo)", "COL", null, null, false))));

  private final TrainingEvents events;
  private final Roster roster;
  private final ProjectLookup projects;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final boolean demo;

  DemoTraining(
      TrainingEvents events,
      Roster roster,
      ProjectLookup projects,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      @Value("${coopera.demo:false}") boolean demo) {
    this.events = events;
    this.roster = roster;
    this.projects = projects;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE - 4)
  void addDemoTraining() {
    if (!demo) {
      return;
    }
    Optional<UUID> officer =
        jdbc.sql("select id from account where email = ?")
            .param(OFFICER)
            .query(UUID.class)
            .optional();
    if (officer.isEmpty()) {
      return;
    }
    CooperaUser user =
        new CooperaUser(
            officer.get(),
            OFFICER,
            "Demo Agency Officer (OHCHR)",
            null,
            true,
            List.of(Grant.forOrganisation(Role.AGENCY_OFFICER, "OHCHR")));
    Integer added = transactions.execute(tx -> add(user));
    if (added != null && added > 0) {
      log.info("Demo data: {} training events with their participants", added);
    }
  }

  private int add(CooperaUser user) {
    int added = 0;
    if (jdbc.sql(
                "select count(*) from trainer t join account a on a.id = t.account_id"
                    + " where a.email = 'trainer@demo.coopera.org'")
            .query(Long.class)
            .single()
        == 0) {
      Roster.Trainer own =
          roster.add(
              new Roster.TrainerDraft(
                  "Demo Trainer (demo)",
                  "trainer@demo.coopera.org",
                  "KEN",
                  "Demo institution",
                  List.of("iccpr", "crpd"),
                  List.of("A22"),
                  List.of("en", "fr"),
                  "AVAILABLE"),
              user);
      roster.consent(own.id(), own.version(), true, user);
    }
    for (Demo d : DEMOS) {
      if (jdbc.sql("select count(*) from training_event where title = ?")
              .param(d.title())
              .query(Long.class)
              .single()
          > 0) {
        continue;
      }
      UUID project =
          d.people().get(0).state().equals("PRY")
              ? projects.all().stream()
                  .filter(p -> p.stateIso3().equals("PRY"))
                  .map(ProjectLookup.ProjectRef::id)
                  .findFirst()
                  .orElse(null)
              : null;
      TrainingEvents.Event event =
          events.create(
              new TrainingEvents.EventDraft(
                  d.title(),
                  d.kind(),
                  d.treaty(),
                  d.treaty() == null ? "A22" : null,
                  d.starts(),
                  d.ends(),
                  d.place(),
                  false,
                  "OHCHR treaty body capacity-building programme",
                  project,
                  70),
              user);
      for (Person p : d.people()) {
        events.addParticipant(
            event.id(),
            new TrainingEvents.ParticipantDraft(
                p.name(),
                null,
                p.state(),
                "Demo ministry",
                "Official",
                p.attended(),
                p.pre(),
                p.post()),
            user);
      }
      if (d.complete()) {
        TrainingEvents.Event done =
            events.complete(event.id(), events.find(event.id(), user).version(), user);
        // every other certified trainer consents to be listed
        int i = 0;
        for (TrainingEvents.Participant p : done.participants()) {
          if (p.certified() && i++ % 2 == 0) {
            UUID trainer =
                jdbc.sql("select trainer_id from event_participant where id = ?")
                    .param(p.id())
                    .query(UUID.class)
                    .single();
            roster.consent(trainer, roster.find(trainer, user).version(), true, user);
          }
        }
      }
      added++;
    }
    return added;
  }
}
