package org.coopera.exchange;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coopera.assistance.ProjectLookup;
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
 * In demo mode, once: practices drawn from the report's cases (para 81), paraphrased and titled as
 * demo: Paraguay's portal for following up recommendations and Morocco's interministerial
 * committee, both published with feedback from other States, and Lao PDR's preparation of its UPR
 * report, awaiting moderation. Each goes through the services as the State's demo coordinator.
 */
@Component
class DemoPractices {

  private static final Logger log = LoggerFactory.getLogger(DemoPractices.class);

  private final Practices practices;
  private final ProjectLookup projects;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final boolean demo;

  DemoPractices(
      Practices practices,
      ProjectLookup projects,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      @Value("${coopera.demo:false}") boolean demo) {
    this.practices = practices;
    this.projects = projects;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE - 3)
  void addDemoPractices() {
    if (!demo) {
      return;
    }
    Integer added = transactions.execute(tx -> add());
    if (added != null && added > 0) {
      log.info("Demo data: {} practices shared by States", added);
    }
  }

  private int add() {
    Optional<CooperaUser> admin = user("admin@demo.coopera.org", Grant.of(Role.ADMINISTRATOR));
    Optional<CooperaUser> paraguay = coordinator("PRY");
    Optional<CooperaUser> morocco = coordinator("MAR");
    Optional<CooperaUser> lao = coordinator("LAO");
    Optional<CooperaUser> slovenia = coordinator("SVN");
    Optional<CooperaUser> haiti = coordinator("HTI");
    if (admin.isEmpty()
        || paraguay.isEmpty()
        || morocco.isEmpty()
        || lao.isEmpty()
        || slovenia.isEmpty()
        || haiti.isEmpty()) {
      return 0;
    }
    int added = 0;
    String portal = "A public portal to follow up the recommendations of the mechanisms (demo)";
    if (!exists(portal)) {
      Practices.Practice p =
          publish(
              "PRY",
              new Practices.PracticeDraft(
                  portal,
                  "The State put online a searchable system where every ministry reports what it"
                      + " does about the recommendations of the United Nations and regional"
                      + " human rights mechanisms, and where the public can follow it."
                      + " Demo data based on the report, not official.",
                  "Recommendations were scattered across many reports and nobody knew which"
                      + " institution answered for which.",
                  List.of("EXPERT_ADVICE", "TRAINING"),
                  "Each recommendation has a responsible institution; reports to the mechanisms"
                      + " draw on the same data.",
                  "Keeping every ministry's focal point trained as staff change.",
                  "Demo contact: follow-up unit, Ministry of Justice",
                  List.of("A22", "A27"),
                  projects.all().stream()
                      .filter(x -> x.stateIso3().equals("PRY") && x.published())
                      .map(ProjectLookup.ProjectRef::id)
                      .limit(1)
                      .toList(),
                  List.of(),
                  "en"),
              paraguay.get(),
              admin.get());
      Practices.Comment question =
          practices.comment(
              p.id(),
              "QUESTION",
              null,
              "How did you convince every ministry to name a focal point?",
              slovenia.get());
      practices.comment(
          p.id(),
          "ANSWER",
          question.id(),
          "A decree made the focal points part of each ministry's duties.",
          paraguay.get());
      practices.adopt(p.id(), true, haiti.get());
      translate(
          p,
          paraguay.get(),
          "es",
          "Un portal público para dar seguimiento a las recomendaciones de los mecanismos (demo)",
          "El Estado puso en línea un sistema consultable donde cada ministerio informa de lo que"
              + " hace respecto de las recomendaciones de los mecanismos de derechos humanos de las"
              + " Naciones Unidas y regionales, y donde el público puede seguirlo. Datos de"
              + " demostración basados en el informe, no oficiales.");
      translate(
          p,
          admin.get(),
          "ar",
          "بوابة عامة لمتابعة توصيات الآليات (عرض توضيحي)",
          "وضعت الدولة على الإنترنت نظاماً قابلاً للبحث تُبلغ فيه كل وزارة بما تقوم به بشأن توصيات"
              + " آليات حقوق الإنسان التابعة للأمم المتحدة والآليات الإقليمية، ويمكن للجمهور"
              + " متابعته. بيانات توضيحية مستندة إلى التقرير، وليست رسمية.");
      translate(
          p,
          admin.get(),
          "zh",
          "跟踪各机制建议的公共门户（演示）",
          "该国上线了一个可检索的系统，各部委在其中报告就联合国和区域人权机制的建议所采取的行动，" + "公众可以跟踪。根据报告编制的演示数据，并非官方数据。");
      added++;
    }
    String committee = "An interministerial committee that prepares every report (demo)";
    if (!exists(committee)) {
      Practices.Practice p =
          publish(
              "MAR",
              new Practices.PracticeDraft(
                  committee,
                  "With advice from OHCHR the State gave one interministerial body the task of"
                      + " preparing its reports to the treaty bodies and the universal periodic"
                      + " review. Demo data based on the report, not official.",
                  "Reports were late and written by whichever ministry had time.",
                  List.of("EXPERT_ADVICE", "SEMINAR"),
                  "Reports are submitted on schedule and consulted across government.",
                  "Involving civil society early enough.",
                  "Demo contact: the committee's secretariat",
                  List.of("A22"),
                  List.of(),
                  List.of(),
                  "en"),
              morocco.get(),
              admin.get());
      practices.comment(
          p.id(),
          "COMMENT",
          null,
          "We set up a similar committee after reading this.",
          haiti.get());
      practices.adopt(p.id(), true, haiti.get());
      translate(
          p,
          morocco.get(),
          "ar",
          "لجنة مشتركة بين الوزارات تعدّ كل تقرير (عرض توضيحي)",
          "بمشورة من المفوضية السامية لحقوق الإنسان، كلّفت الدولة هيئة واحدة مشتركة بين الوزارات"
              + " بإعداد تقاريرها إلى هيئات المعاهدات وإلى الاستعراض الدوري الشامل. بيانات توضيحية"
              + " مستندة إلى التقرير، وليست رسمية.");
      translate(
          p,
          morocco.get(),
          "fr",
          "Un comité interministériel qui prépare chaque rapport (démo)",
          "Avec les conseils du HCDH, l’État a confié à un organe interministériel unique la"
              + " préparation de ses rapports aux organes conventionnels et à l’Examen périodique"
              + " universel. Données de démonstration fondées sur le rapport, non officielles.");
      added++;
    }
    String report = "Preparing the UPR national report with all ministries (demo)";
    if (!exists(report)) {
      Practices.Practice p =
          practices.create(
              "LAO",
              new Practices.PracticeDraft(
                  report,
                  "Workshops brought every ministry together to draft the national report for the"
                      + " universal periodic review and plan the follow-up. Demo data based on the"
                      + " report, not official.",
                  null,
                  List.of("SEMINAR", "TRAINING"),
                  null,
                  null,
                  null,
                  List.of("A27"),
                  List.of(),
                  List.of(),
                  "en"),
              null,
              lao.get());
      practices.submit(p.id(), p.version(), lao.get());
      added++;
    }
    return added;
  }

  private Practices.Practice publish(
      String state, Practices.PracticeDraft draft, CooperaUser coordinator, CooperaUser admin) {
    Practices.Practice p = practices.create(state, draft, null, coordinator);
    p = practices.submit(p.id(), p.version(), coordinator);
    return practices.approve(p.id(), p.version(), admin);
  }

  /** A version of a demo practice's title and account in another language. */
  private void translate(
      Practices.Practice p, CooperaUser who, String language, String title, String whatDone) {
    practices.putVersion(p.id(), language, Map.of("title", title, "whatDone", whatDone), null, who);
  }

  private boolean exists(String title) {
    return jdbc.sql("select count(*) from practice where title = ?")
            .param(title)
            .query(Long.class)
            .single()
        > 0;
  }

  private Optional<CooperaUser> coordinator(String iso3) {
    return user(
        "coordinator." + iso3.toLowerCase(java.util.Locale.ROOT) + "@demo.coopera.org",
        Grant.forState(Role.STATE_COORDINATOR, iso3));
  }

  private Optional<CooperaUser> user(String email, Grant grant) {
    return jdbc.sql("select id, display_name from account where email = ?")
        .param(email)
        .query(
            (rs, n) ->
                new CooperaUser(
                    rs.getObject(1, UUID.class),
                    email,
                    rs.getString(2),
                    null,
                    true,
                    List.of(grant)))
        .optional();
  }
}
