package org.coopera.assistance.projects;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.context.MessageSourceResolvable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * An IATI activity file (version 2) of another publisher, read without trusting it: no document
 * type, no external entity, every activity checked and every problem reported with the activity's
 * position and identifier. An activity funds a Coopera project when it names the project's IATI
 * identifier in a related activity, a participating organisation's {@code activity-id} or a
 * transaction's {@code receiver-activity-id}. Its outgoing commitments (type 2) and disbursements
 * (3) to the project are kept: those whose receiver names the project, and, when the activity names
 * one project only, those that name no receiving activity.
 */
final class IatiActivityFile {

  /** The largest file read. */
  static final int MAX_BYTES = 20 * 1024 * 1024;

  private static final Set<String> FUNDING_TYPES = Set.of("2", "3");

  /** An activity that funds one or more Coopera projects. */
  record Activity(
      int position,
      String identifier,
      String publisherRef,
      String publisherName,
      String title,
      String status,
      OffsetDateTime lastUpdated,
      Set<String> projects,
      List<Transaction> transactions) {}

  /** Money an activity reports to a Coopera project, in the currency it reports. */
  record Transaction(
      String project,
      String type,
      LocalDate date,
      BigDecimal amount,
      String currency,
      String description) {}

  /**
   * What is wrong with the file (position 0) or with its activity at a position (from 1).
   *
   * @param identifier the activity's identifier, when it has one
   */
  record Problem(int position, String identifier, String key, List<Object> arguments)
      implements MessageSourceResolvable {

    static Problem of(int position, String identifier, String key, Object... arguments) {
      return new Problem(position, identifier, key, List.of(arguments));
    }

    @Override
    public String[] getCodes() {
      return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
      return arguments.toArray();
    }
  }

  /**
   * The read file: the activities that fund a project, the identifiers of those that fund none, and
   * every problem found. Nothing may be applied when there is a problem.
   */
  record Reading(List<Activity> activities, List<String> skipped, List<Problem> problems) {}

  private IatiActivityFile() {}

  /**
   * Reads a file.
   *
   * @param isProject whether an IATI identifier is one of Coopera's projects
   * @param isOwn whether an IATI identifier is Coopera's own (which Coopera publishes itself)
   */
  static Reading read(byte[] file, Predicate<String> isProject, Predicate<String> isOwn) {
    List<Problem> problems = new ArrayList<>();
    if (file.length == 0) {
      return failed(Problem.of(0, null, "projects.iati-import.error.empty-file"));
    }
    if (file.length > MAX_BYTES) {
      return failed(
          Problem.of(0, null, "projects.iati-import.error.too-large", MAX_BYTES / (1024 * 1024)));
    }
    Document doc;
    try {
      doc = parse(file);
    } catch (SAXParseException e) {
      return failed(Problem.of(0, null, "projects.iati-import.error.not-xml", e.getLineNumber()));
    } catch (SAXException | IOException e) {
      return failed(Problem.of(0, null, "projects.iati-import.error.not-xml", 0));
    }
    Element root = doc.getDocumentElement();
    if (!"iati-activities".equals(root.getTagName())) {
      return failed(Problem.of(0, null, "projects.iati-import.error.root", root.getTagName()));
    }
    if (root.getAttribute("version").isBlank()) {
      return failed(Problem.of(0, null, "projects.iati-import.error.no-version"));
    }
    if (!root.getAttribute("version").startsWith("2.")) {
      return failed(
          Problem.of(0, null, "projects.iati-import.error.version", root.getAttribute("version")));
    }
    List<Element> elements = children(root, "iati-activity");
    if (elements.isEmpty()) {
      return failed(Problem.of(0, null, "projects.iati-import.error.no-activity"));
    }
    List<Activity> activities = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < elements.size(); i++) {
      Activity a = activity(i + 1, elements.get(i), isProject, isOwn, seen, problems);
      if (a != null && a.projects().isEmpty()) {
        skipped.add(a.identifier());
      } else if (a != null) {
        activities.add(a);
      }
    }
    if (problems.isEmpty() && activities.isEmpty()) {
      problems.add(Problem.of(0, null, "projects.iati-import.error.none-funds", elements.size()));
    }
    return new Reading(activities, skipped, problems);
  }

  private static Reading failed(Problem problem) {
    return new Reading(List.of(), List.of(), List.of(problem));
  }

  private static Document parse(byte[] file) throws SAXException, IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(file));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser without secure processing", e);
    }
  }

  private static Activity activity(
      int position,
      Element e,
      Predicate<String> isProject,
      Predicate<String> isOwn,
      Set<String> seen,
      List<Problem> problems) {
    int before = problems.size();
    String identifier = text(child(e, "iati-identifier"));
    if (identifier == null) {
      problems.add(Problem.of(position, null, "projects.iati-import.error.identifier"));
    } else if (!seen.add(identifier)) {
      problems.add(Problem.of(position, identifier, "projects.iati-import.error.duplicate"));
    } else if (isOwn.test(identifier)) {
      problems.add(Problem.of(position, identifier, "projects.iati-import.error.own"));
    }
    Element reporting = child(e, "reporting-org");
    String publisherRef = reporting == null ? null : attribute(reporting, "ref");
    if (publisherRef == null) {
      problems.add(Problem.of(position, identifier, "projects.iati-import.error.reporting-org"));
    }
    String title = narrative(child(e, "title"));
    if (title == null) {
      problems.add(Problem.of(position, identifier, "projects.iati-import.error.title"));
    }
    OffsetDateTime updated = null;
    String stamp = attribute(e, "last-updated-datetime");
    if (stamp != null) {
      try {
        updated = OffsetDateTime.parse(stamp);
      } catch (DateTimeParseException ex) {
        problems.add(Problem.of(position, identifier, "projects.iati-import.error.updated", stamp));
      }
    }
    Set<String> projects = new LinkedHashSet<>();
    for (Element related : children(e, "related-activity")) {
      addIfProject(attribute(related, "ref"), isProject, projects);
    }
    for (Element org : children(e, "participating-org")) {
      addIfProject(attribute(org, "activity-id"), isProject, projects);
    }
    List<Element> transactionElements = children(e, "transaction");
    for (Element t : transactionElements) {
      addIfProject(receiverActivity(t), isProject, projects);
    }
    List<Transaction> transactions = new ArrayList<>();
    String defaultCurrency = attribute(e, "default-currency");
    for (Element t : transactionElements) {
      String type = attribute(child(t, "transaction-type"), "code");
      if (!FUNDING_TYPES.contains(type)) {
        continue;
      }
      String receiver = receiverActivity(t);
      String project =
          receiver != null && projects.contains(receiver)
              ? receiver
              : receiver == null && projects.size() == 1 ? projects.iterator().next() : null;
      if (project != null) {
        Transaction read =
            transaction(position, identifier, t, type, project, defaultCurrency, problems);
        if (read != null) {
          transactions.add(read);
        }
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new Activity(
        position,
        identifier,
        publisherRef,
        reporting == null ? null : narrative(reporting),
        title,
        attribute(child(e, "activity-status"), "code"),
        updated,
        projects,
        transactions);
  }

  private static Transaction transaction(
      int position,
      String identifier,
      Element t,
      String type,
      String project,
      String defaultCurrency,
      List<Problem> problems) {
    String day = attribute(child(t, "transaction-date"), "iso-date");
    LocalDate date = null;
    try {
      date = day == null ? null : LocalDate.parse(day);
    } catch (DateTimeParseException ex) {
      date = null;
    }
    if (date == null) {
      problems.add(
          Problem.of(
              position,
              identifier,
              "projects.iati-import.error.transaction-date",
              day == null ? "" : day));
    }
    Element value = child(t, "value");
    String written = text(value);
    BigDecimal amount = null;
    try {
      amount = written == null ? null : new BigDecimal(written);
    } catch (NumberFormatException ex) {
      amount = null;
    }
    if (amount == null) {
      problems.add(
          Problem.of(
              position,
              identifier,
              "projects.iati-import.error.value",
              written == null ? "" : written));
    }
    String code = value == null ? null : attribute(value, "currency");
    String currency = code != null ? code : defaultCurrency;
    if (!isCurrency(currency)) {
      problems.add(
          Problem.of(
              position,
              identifier,
              "projects.iati-import.error.currency",
              currency == null ? "" : currency));
    }
    if (date == null || amount == null || !isCurrency(currency)) {
      return null;
    }
    return new Transaction(
        project, type, date, amount, currency, narrative(child(t, "description")));
  }

  private static boolean isCurrency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String receiverActivity(Element transaction) {
    return attribute(child(transaction, "receiver-org"), "receiver-activity-id");
  }

  private static void addIfProject(String ref, Predicate<String> isProject, Set<String> projects) {
    if (ref != null && isProject.test(ref)) {
      projects.add(ref);
    }
  }

  /** The English narrative if there is one, else the first. */
  private static String narrative(Element parent) {
    if (parent == null) {
      return null;
    }
    String first = null;
    for (Element n : children(parent, "narrative")) {
      String value = text(n);
      String lang = n.getAttribute("xml:lang");
      if (value != null && (lang.isEmpty() || lang.equals("en"))) {
        return value;
      }
      first = first == null ? value : first;
    }
    return first;
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element el && name.equals(el.getTagName())) {
        found.add(el);
      }
    }
    return found;
  }

  private static String attribute(Element e, String name) {
    if (e == null) {
      return null;
    }
    String value = e.getAttribute(name).strip();
    return value.isEmpty() ? null : value;
  }

  private static String text(Element e) {
    if (e == null) {
      return null;
    }
    String value = e.getTextContent().strip();
    return value.isEmpty() ? null : value;
  }
}
