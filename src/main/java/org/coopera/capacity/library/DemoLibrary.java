package org.coopera.capacity.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
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

/**
 * In demo mode, once: the library holds the publications of the treaty body capacity-building
 * programme that the report names (paras 91-93), each with a short PDF written for the demo that
 * says what the publication covers; the publications themselves are OHCHR's and are not shipped.
 * Every record is titled as demo.
 */
@Component
class DemoLibrary {

  private static final Logger log = LoggerFactory.getLogger(DemoLibrary.class);
  private static final String TRAINER = "trainer@demo.coopera.org";

  /** A demo resource and the pages of its file in each language. */
  private record Demo(
      String title,
      String kind,
      String treaty,
      String theme,
      String audience,
      boolean published,
      String summary,
      List<String> english,
      List<String> french) {}

  private static final List<Demo> DEMOS =
      List.of(
          new Demo(
              "National mechanisms for reporting and follow-up: a practical guide (demo)",
              "GUIDE",
              null,
              "A22",
              "STATE_OFFICIALS",
              true,
              "What a national mechanism for reporting and follow-up does, how States set one up"
                  + " and keep it working. Demo record; the guide itself is an OHCHR publication.",
              List.of(
                  "Demo summary written for Coopera, not the OHCHR text.",
                  "A national mechanism for reporting and follow-up coordinates the reports a State",
                  "owes the treaty bodies and the universal periodic review, and tracks how the",
                  "recommendations it receives are implemented across ministries.",
                  "Key features: a standing mandate, a secretariat, focal points in each ministry,",
                  "consultation with the national human rights institution and civil society,",
                  "and an information management tool that clusters recommendations."),
              List.of(
                  "Résumé de démonstration écrit pour Coopera, pas le texte du HCDH.",
                  "Un mécanisme national d'établissement des rapports et de suivi coordonne les",
                  "rapports dus aux organes conventionnels et suit la mise en œuvre des",
                  "recommandations par les ministères.")),
          new Demo(
              "Reporting to the treaty bodies: training guide, part I, manual (demo)",
              "MANUAL",
              null,
              "A22",
              "TRAINERS",
              true,
              "The treaty body reporting process step by step, for trainers. Demo record.",
              List.of(
                  "Demo summary written for Coopera, not the OHCHR text.",
                  "The reporting cycle: the common core document, the treaty-specific report,",
                  "the list of issues and the simplified reporting procedure, the constructive",
                  "dialogue, concluding observations and their follow-up."),
              List.of()),
          new Demo(
              "Reporting to the treaty bodies: training guide, part II, facilitator's guide (demo)",
              "FACILITATOR_GUIDE",
              null,
              "A22",
              "TRAINERS",
              true,
              "Session plans and exercises for a course on treaty reporting. Demo record.",
              List.of(
                  "Demo summary written for Coopera, not the OHCHR text.",
                  "Five-day course outline with exercises: mapping obligations, drafting a",
                  "paragraph of a periodic report, simulating a constructive dialogue."),
              List.of()),
          new Demo(
              "Training guide on the Convention on the Rights of Persons with Disabilities (demo)",
              "TRAINING_MODULE",
              "crpd",
              null,
              "STATE_OFFICIALS",
              true,
              "A treaty-specific module on the CRPD and reporting to its Committee. Demo record.",
              List.of(
                  "Demo summary written for Coopera, not the OHCHR text.",
                  "Reasonable accommodation, accessibility and legal capacity; how the Committee",
                  "on the Rights of Persons with Disabilities reviews State reports."),
              List.of()),
          new Demo(
              "Preventing torture: a practical guide for national preventive mechanisms (demo)",
              "GUIDE",
              "opcat",
              null,
              "NHRI",
              true,
              "Visits to places of detention and the work of national preventive mechanisms."
                  + " Demo record.",
              List.of(
                  "Demo summary written for Coopera, not the OHCHR text.",
                  "Planning visits to places of detention, interviewing detainees in private,",
                  "writing recommendations and following them up with the authorities."),
              List.of()),
          new Demo(
              "Trainer's guide on the International Covenant on Civil and Political Rights (demo)",
              "TRAINING_MODULE",
              "iccpr",
              null,
              "TRAINERS",
              false,
              "In preparation (para 93). Demo record, not yet published.",
              List.of(
                  "Demo draft written for Coopera.",
                  "Outline: the Covenant, the Human Rights Committee, general comments."),
              List.of()));

  private final Library library;
  private final JdbcClient jdbc;
  private final boolean demo;

  DemoLibrary(Library library, JdbcClient jdbc, @Value("${coopera.demo:false}") boolean demo) {
    this.library = library;
    this.jdbc = jdbc;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE - 5)
  void addDemoLibrary() {
    if (!demo) {
      return;
    }
    Optional<UUID> trainer =
        jdbc.sql("select id from account where email = ?")
            .param(TRAINER)
            .query(UUID.class)
            .optional();
    if (trainer.isEmpty()) {
      return;
    }
    CooperaUser user =
        new CooperaUser(
            trainer.get(), TRAINER, "Demo Trainer", null, true, List.of(Grant.of(Role.TRAINER)));
    int added = 0;
    for (Demo d : DEMOS) {
      boolean exists =
          jdbc.sql("select count(*) from library_resource where title = ?")
                  .param(d.title())
                  .query(Long.class)
                  .single()
              > 0;
      if (!exists) {
        add(d, user);
        added++;
      }
    }
    if (added > 0) {
      log.info("Demo data: {} resources in the library", added);
    }
  }

  private void add(Demo d, CooperaUser user) {
    Library.Resource r =
        library.create(
            new Library.ResourceDraft(
                d.title(), d.kind(), d.summary(), d.treaty(), d.theme(), d.audience(), "en"),
            user);
    library.upload(r.id(), "en", slug(d.title()) + ".pdf", pdf(d.english()), "Demo", user);
    if (!d.french().isEmpty()) {
      library.upload(r.id(), "fr", slug(d.title()) + "-fr.pdf", pdf(d.french()), "Demo", user);
    }
    if (d.published()) {
      library.publish(r.id(), library.find(r.id(), user).version(), true, user);
    }
  }

  private static String slug(String title) {
    String s = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return s.length() > 60 ? s.substring(0, 60) : s;
  }

  /** A one-page PDF with these lines, in a standard font (Western European letters only). */
  static byte[] pdf(List<String> lines) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(font, 11);
        content.setLeading(15);
        content.newLineAtOffset(60, 720);
        List<String> all = new ArrayList<>(lines);
        for (String line : all) {
          content.showText(line);
          content.newLine();
        }
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("demo PDF", e);
    }
  }
}
