package org.coopera.assistance.projects;

import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.coopera.assistance.ProjectMoney;
import org.coopera.recommendations.RecommendationLookup;
import org.coopera.recommendations.RecommendationLookup.RecommendationRef;
import org.coopera.reference.ReferenceData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published projects as IATI 2.03 activity XML. The reporting organisation is Coopera itself
 * (reference {@code COOPERA}, type 90 Other), which prefixes every identifier. Sector 15160 (Human
 * rights, DAC 5-digit vocabulary 1); the recipient country by its ISO 3166 alpha-2 code; statuses
 * mapped to the ActivityStatus codelist (planned 1, active 2, completed 3, cancelled 5, suspended
 * 6); SDG goals (tag vocabulary 2) and targets (vocabulary 3) confirmed on the recommendations the
 * project addresses; the transactions the funds module records, in US dollars (an allocation is an
 * incoming commitment, 11; a disbursement incoming funds, 1; an expenditure, 4, each with the fund
 * as provider); results with their indicators, baseline and each measured period.
 */
@Service
@Transactional(readOnly = true)
public class IatiActivities {

  static final String REPORTING_ORG = "COOPERA";
  private static final Map<String, String> STATUS =
      Map.of("PLANNED", "1", "ACTIVE", "2", "COMPLETED", "3", "CANCELLED", "5", "SUSPENDED", "6");

  private static final Map<ProjectMoney.Type, String> TRANSACTION_TYPE =
      Map.of(
          ProjectMoney.Type.COMMITMENT, "11",
          ProjectMoney.Type.DISBURSEMENT, "1",
          ProjectMoney.Type.EXPENDITURE, "4");

  private final Projects projects;
  private final ProjectWork work;
  private final ReferenceData reference;
  private final RecommendationLookup recommendations;
  private final ObjectProvider<ProjectMoney> money;
  private final Clock clock;

  IatiActivities(
      Projects projects,
      ProjectWork work,
      ReferenceData reference,
      RecommendationLookup recommendations,
      ObjectProvider<ProjectMoney> money,
      Clock clock) {
    this.projects = projects;
    this.work = work;
    this.reference = reference;
    this.recommendations = recommendations;
    this.money = money;
    this.clock = clock;
  }

  /** One published project; unpublished ones are not found. */
  public String one(UUID id) {
    Project project =
        projects
            .find(id, null)
            .filter(Project::published)
            .orElseThrow(() -> new ProjectNotFound(id));
    return write(List.of(project));
  }

  /** The publisher file: every published project. */
  public String all() {
    return write(projects.list(new Projects.Filter(null, null, null), null));
  }

  private String write(List<Project> list) {
    List<UUID> ids = list.stream().map(Project::id).toList();
    ProjectMoney funds = money.getIfAvailable();
    Map<UUID, List<ProjectMoney.Transaction>> transactions =
        funds == null ? Map.of() : funds.transactions(ids);
    Map<UUID, RecommendationRef> addressed =
        recommendations.recommendations(
            list.stream().flatMap(p -> p.recommendations().stream()).distinct().toList());
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("iati-activities");
      x.writeAttribute("version", "2.03");
      x.writeAttribute("generated-datetime", stamp(OffsetDateTime.now(clock)));
      for (Project p : list) {
        activity(
            x,
            p,
            sdgs(p, addressed),
            transactions.getOrDefault(p.id(), List.<ProjectMoney.Transaction>of()));
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("IATI export failed", e);
    }
    return out.toString();
  }

  /** The SDG goals and targets of the recommendations a project addresses, in their order. */
  private static SortedSet<String> sdgs(Project p, Map<UUID, RecommendationRef> addressed) {
    SortedSet<String> codes = new TreeSet<>(IatiActivities::bySdgNumber);
    for (UUID id : p.recommendations()) {
      RecommendationRef r = addressed.get(id);
      if (r != null) {
        for (String code : r.sdgs()) {
          codes.add(code);
          if (code.contains(".")) {
            codes.add(code.substring(0, code.indexOf('.')));
          }
        }
      }
    }
    return codes;
  }

  /** 2 before 10, 16 before 16.1, 16.2 before 16.10 and 16.a. */
  private static int bySdgNumber(String a, String b) {
    String[] left = a.split("\\.", 2);
    String[] right = b.split("\\.", 2);
    int goal = Integer.compare(goalNumber(left[0]), goalNumber(right[0]));
    if (goal != 0) {
      return goal;
    }
    if (left.length != right.length) {
      return left.length - right.length;
    }
    if (left.length == 1) {
      return 0;
    }
    String l = left[1];
    String r = right[1];
    return l.length() != r.length() ? l.length() - r.length() : l.compareTo(r);
  }

  private static int goalNumber(String goal) {
    try {
      return Integer.parseInt(goal);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private void activity(
      XMLStreamWriter x,
      Project p,
      SortedSet<String> sdgs,
      List<ProjectMoney.Transaction> transactions)
      throws XMLStreamException {
    x.writeStartElement("iati-activity");
    x.writeAttribute("last-updated-datetime", stamp(p.updatedAt().atOffset(ZoneOffset.UTC)));
    x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
    x.writeAttribute("default-currency", p.budgetCurrency());
    text(x, "iati-identifier", p.iatiIdentifier());
    x.writeStartElement("reporting-org");
    x.writeAttribute("ref", REPORTING_ORG);
    x.writeAttribute("type", "90");
    narrative(x, "Coopera");
    x.writeEndElement();
    x.writeStartElement("title");
    narrative(x, p.title());
    x.writeEndElement();
    if (p.description() != null) {
      x.writeStartElement("description");
      x.writeAttribute("type", "1");
      narrative(x, p.description());
      x.writeEndElement();
    }
    for (Project.Partner partner : p.partners()) {
      x.writeStartElement("participating-org");
      x.writeAttribute("role", Integer.toString(partner.role()));
      if (partner.stateIso3() != null) {
        x.writeAttribute("type", "10");
      }
      narrative(x, partner.name());
      x.writeEndElement();
    }
    if (p.partners().isEmpty()) {
      x.writeStartElement("participating-org");
      x.writeAttribute("role", "2");
      narrative(x, "Coopera");
      x.writeEndElement();
    }
    x.writeEmptyElement("activity-status");
    x.writeAttribute("code", STATUS.get(p.status()));
    date(x, "1", p.startDate());
    if (!p.status().equals("PLANNED") && !p.status().equals("CANCELLED")) {
      date(x, "2", p.startDate());
    }
    date(x, "3", p.endDate());
    if (p.status().equals("COMPLETED")) {
      date(x, "4", p.endDate());
    }
    var state = reference.findState(p.stateIso3());
    if (state.isPresent()) {
      x.writeStartElement("recipient-country");
      x.writeAttribute("code", state.get().iso2());
      x.writeAttribute("percentage", "100");
      narrative(x, state.get().name());
      x.writeEndElement();
    }
    x.writeEmptyElement("sector");
    x.writeAttribute("code", "15160");
    x.writeAttribute("vocabulary", "1");
    x.writeAttribute("percentage", "100");
    for (String sdg : sdgs) {
      x.writeEmptyElement("tag");
      x.writeAttribute("vocabulary", sdg.contains(".") ? "3" : "2");
      x.writeAttribute("code", sdg);
    }
    budget(x, p);
    for (ProjectMoney.Transaction t : transactions) {
      transaction(x, t);
    }
    for (ProjectWork.Result r : work.results(p.id(), null)) {
      result(x, r);
    }
    x.writeEndElement();
  }

  private static void budget(XMLStreamWriter x, Project p) throws XMLStreamException {
    x.writeStartElement("budget");
    x.writeAttribute("type", "1");
    x.writeAttribute("status", "1");
    x.writeEmptyElement("period-start");
    x.writeAttribute("iso-date", p.startDate().toString());
    x.writeEmptyElement("period-end");
    x.writeAttribute("iso-date", p.endDate().toString());
    x.writeStartElement("value");
    x.writeAttribute("currency", p.budgetCurrency());
    x.writeAttribute("value-date", p.startDate().toString());
    x.writeCharacters(p.budgetAmount().toPlainString());
    x.writeEndElement();
    x.writeEndElement();
  }

  private static void transaction(XMLStreamWriter x, ProjectMoney.Transaction t)
      throws XMLStreamException {
    x.writeStartElement("transaction");
    x.writeEmptyElement("transaction-type");
    x.writeAttribute("code", TRANSACTION_TYPE.get(t.type()));
    x.writeEmptyElement("transaction-date");
    x.writeAttribute("iso-date", t.date().toString());
    x.writeStartElement("value");
    x.writeAttribute("currency", "USD");
    x.writeAttribute("value-date", t.date().toString());
    x.writeCharacters(t.amountUsd().toPlainString());
    x.writeEndElement();
    if (t.description() != null && !t.description().isBlank()) {
      x.writeStartElement("description");
      narrative(x, t.description());
      x.writeEndElement();
    }
    if (t.type() != ProjectMoney.Type.EXPENDITURE) {
      x.writeStartElement("provider-org");
      narrative(x, t.fundName());
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private static void result(XMLStreamWriter x, ProjectWork.Result r) throws XMLStreamException {
    x.writeStartElement("result");
    x.writeAttribute("type", r.level().equals("OUTPUT") ? "1" : "2");
    x.writeAttribute("aggregation-status", "0");
    x.writeStartElement("title");
    narrative(x, r.title());
    x.writeEndElement();
    if (r.description() != null) {
      x.writeStartElement("description");
      narrative(x, r.description());
      x.writeEndElement();
    }
    for (ProjectWork.Indicator i : r.indicators()) {
      x.writeStartElement("indicator");
      x.writeAttribute("measure", "1");
      x.writeAttribute("ascending", i.ascending() ? "1" : "0");
      x.writeStartElement("title");
      narrative(x, i.title() + " (" + i.unit() + ")");
      x.writeEndElement();
      x.writeEmptyElement("baseline");
      x.writeAttribute("year", Integer.toString(i.baselineDate().getYear()));
      x.writeAttribute("iso-date", i.baselineDate().toString());
      x.writeAttribute("value", i.baseline().toPlainString());
      period(x, i.baselineDate(), i.targetDate(), "target", i.target().toPlainString());
      for (ProjectWork.Value v : i.values()) {
        period(x, v.periodStart(), v.periodEnd(), "actual", v.actual().toPlainString());
      }
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private static void period(
      XMLStreamWriter x, LocalDate start, LocalDate end, String kind, String value)
      throws XMLStreamException {
    x.writeStartElement("period");
    x.writeEmptyElement("period-start");
    x.writeAttribute("iso-date", start.toString());
    x.writeEmptyElement("period-end");
    x.writeAttribute("iso-date", end.toString());
    x.writeEmptyElement(kind);
    x.writeAttribute("value", value);
    x.writeEndElement();
  }

  /**
   * A date and time as IATI's xsd:dateTime wants it, in UTC and to the second, seconds always
   * written ({@code toString} would leave out {@code :00}, which the schema refuses).
   */
  static String stamp(OffsetDateTime time) {
    return time.withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static void date(XMLStreamWriter x, String type, LocalDate date)
      throws XMLStreamException {
    x.writeEmptyElement("activity-date");
    x.writeAttribute("type", type);
    x.writeAttribute("iso-date", date.toString());
  }

  private static void narrative(XMLStreamWriter x, String value) throws XMLStreamException {
    text(x, "narrative", value);
  }

  private static void text(XMLStreamWriter x, String element, String value)
      throws XMLStreamException {
    x.writeStartElement(element);
    x.writeCharacters(value);
    x.writeEndElement();
  }
}
