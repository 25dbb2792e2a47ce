package org.coopera.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real URL for each route pattern: its path variables filled with things of the demo data that
 * belong to State A (Slovenia) where they belong to a State, or to the organisation, donor or owner
 * the matrix calls A. A variable is found by the literal segment before it, within the route's
 * family (its first segment, after {@code /api/v1}); a route whose variables this class does not
 * know fails the matrix, so that a new route is taught its sample here.
 */
final class RouteSamples {

  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9]+)(:[^}]*)?}");

  /** Workspace rows of Slovenia. */
  private static final String ASSIGNMENT =
      "select id::text from assignment where state_iso3 = 'SVN' order by created_at, id limit 1";

  private static final String PUBLISHED_UPDATE =
      "select id from progress_update where state_iso3 = 'SVN' and review = 'PUBLISHED'"
          + " order by created_at, id limit 1";
  private static final String PUBLISHED_ASSIGNMENT =
      "select assignment_id from progress_update where state_iso3 = 'SVN'"
          + " and review = 'PUBLISHED' order by created_at, id limit 1";

  private static final String ACTION =
      "select a.id::text from implementation_action a join assignment s on s.id = a.assignment_id"
          + " where s.state_iso3 = 'SVN' order by a.created_at, a.id limit 1";
  private static final String REQUEST =
      "select id::text from assistance_request order by (state_iso3 = 'SVN') desc nulls last,"
          + " (status = 'SUBMITTED') desc nulls last, created_at, id limit 1";
  private static final String PROJECT =
      "select id::text from project order by (state_iso3 = 'SVN') desc nulls last, created_at, id limit 1";

  /** Keys: "family:segment/{variable}", "segment/{variable}" or "{variable}". */
  private static final Map<String, String> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put("{iso3}", "select 'SVN'");
    VALUES.put("{step}", "select 'submit'");
    VALUES.put("{language}", "select 'fr'");
    VALUES.put("workspace:assignments/{id}", ASSIGNMENT);
    VALUES.put("workspaces:assignments/{id}", ASSIGNMENT);
    VALUES.put("implementation:assignments/{id}", ASSIGNMENT);
    VALUES.put("actions/{id}", ACTION);
    VALUES.put("actions/{actionId}", ACTION);
    VALUES.put(
        "workspace:indicators/{id}",
        "select i.id::text from indicator i join assignment s on s.id = i.assignment_id"
            + " where s.state_iso3 = 'SVN' order by i.created_at, i.id limit 1");
    VALUES.put(
        "updates/{id}",
        "select id::text from progress_update where state_iso3 = 'SVN' order by created_at, id"
            + " limit 1");
    VALUES.put("updates/{updateId}", VALUES.get("updates/{id}"));
    VALUES.put(
        "institutions/{id}",
        "select id::text from institution where state_iso3 = 'SVN' order by name, id limit 1");
    VALUES.put(
        "input/{id}",
        "select id::text from civil_society_input where state_iso3 = 'SVN'"
            + " order by created_at, id limit 1");
    VALUES.put("requests/{id}", REQUEST);
    VALUES.put("requests/{requestId}", REQUEST);
    VALUES.put(
        "offers/{id}",
        "select id::text from assistance_offer order by (organisation_code = 'OHCHR') desc nulls last,"
            + " created_at, id limit 1");
    VALUES.put("projects/{id}", PROJECT);
    VALUES.put(
        "events/{id}", "select id::text from training_event order by created_at, id limit 1");
    VALUES.put("trainers/{id}", "select id::text from trainer order by created_at, id limit 1");
    VALUES.put(
        "library/{id}",
        "select id::text from library_resource order by published desc, created_at, id limit 1");
    VALUES.put("resources/{id}", VALUES.get("library/{id}"));
    VALUES.put(
        "practices/{id}",
        "select id::text from practice order by (state_iso3 = 'SVN') desc nulls last,"
            + " (status = 'PUBLISHED') desc nulls last, created_at, id limit 1");
    VALUES.put(
        "clusters/{id}",
        "select id::text from recommendation_cluster where state_iso3 = 'SVN'"
            + " order by created_at, id limit 1");
    VALUES.put(
        "imports/{id}",
        "select id::text from recommendation_import order by created_at, id limit 1");
    VALUES.put(
        "accounts/{id}",
        "select id::text from account where email = 'coordinator.svn@demo.coopera.org'");
    VALUES.put("organisations/{code}", "select 'OHCHR'");
    VALUES.put(
        "communications/{id}",
        "select id::text from communication order by (state_iso3 = 'SVN') desc nulls last, created_at, id"
            + " limit 1");
    VALUES.put(
        "discrepancies/{id}",
        "select id::text from ratification_discrepancy order by (state_iso3 = 'SVN') desc nulls last, id"
            + " limit 1");
    VALUES.put(
        "reports/{id}",
        "select id::text from state_report order by (state_iso3 = 'SVN') desc nulls last, due_on, id limit 1");
    VALUES.put(
        "funds/{code}",
        "select a.fund_code from fund_allocation a join project p on p.id = a.project_id"
            + " order by (p.state_iso3 = 'SVN') desc nulls last, a.created_at limit 1");
    VALUES.put(
        "allocations/{id}",
        "select a.id::text from fund_allocation a join project p on p.id = a.project_id"
            + " order by (p.state_iso3 = 'SVN') desc nulls last, a.created_at limit 1");
    VALUES.put(
        "recommendations/{code}",
        "select code from recommendation where state_iso3 = 'SVN' order by code limit 1");
    VALUES.put("facets/{parameter}", "select 'theme'");
    VALUES.put("dashboards/{key}", "select 'recommendations'");
    VALUES.put("{table}", "select 'by-mechanism'");
    VALUES.put("stats/{key}", "select 'recommendations'");
    VALUES.put("targets/{code}", "select '16.3'");
  }

  /** Routes with variables that come from one row together: the whole path. */
  private static final Map<String, String> PATHS = new LinkedHashMap<>();

  static {
    PATHS.put(
        "/implementation/{iso3}/evidence/{update}/{file}",
        "select '/implementation/SVN/evidence/' || u.id || '/' || e.file_id from progress_evidence"
            + " e join progress_update u on u.id = e.update_id where u.state_iso3 = 'SVN'"
            + " and u.review = 'PUBLISHED' order by u.created_at limit 1");
    PATHS.put(
        "/workspace/{iso3}/updates/{id}/evidence/{fileId}",
        "select '/workspace/SVN/updates/' || u.id || '/evidence/' || e.file_id from"
            + " progress_evidence e join progress_update u on u.id = e.update_id"
            + " where u.state_iso3 = 'SVN' order by u.created_at limit 1");
    PATHS.put(
        "/implementation/{iso3}/input-files/{input}",
        "select '/implementation/SVN/input-files/' || id from civil_society_input"
            + " where state_iso3 = 'SVN' and file_id is not null and status = 'ACCEPTED'"
            + " order by created_at limit 1");
    PATHS.put(
        "/workspace/{iso3}/input/{id}/file",
        "select '/workspace/SVN/input/' || id || '/file' from civil_society_input"
            + " where state_iso3 = 'SVN' and file_id is not null order by created_at limit 1");
    PATHS.put(
        "/capacity/library/{id}/files/{fileVersion}",
        "select '/capacity/library/' || resource_id || '/files/' || id from library_file"
            + " order by uploaded_at, id limit 1");
    PATHS.put(
        "/api/v1/capacity/resources/{id}/files/{fileVersion}",
        "select '/api/v1/capacity/resources/' || resource_id || '/files/' || id"
            + " from library_file order by uploaded_at, id limit 1");
    PATHS.put(
        "/capacity/events/{id}/participants/{participantId}",
        "select '/capacity/events/' || p.event_id || '/participants/' || p.id from event_participant"
            + " p join training_event e on e.id = p.event_id order by e.created_at, e.id, p.id limit 1");
    PATHS.put(
        "/api/v1/capacity/events/{id}/participants/{participantId}",
        "select '/api/v1/capacity/events/' || p.event_id || '/participants/' || p.id"
            + " from event_participant p join training_event e on e.id = p.event_id"
            + " order by e.created_at, e.id, p.id limit 1");
    PATHS.put(
        "/assistance/requests/{id}/assessments/{assessmentId}/agreement",
        "select '/assistance/requests/' || a.request_id || '/assessments/' || a.id || '/agreement'"
            + " from needs_assessment a join assistance_request r on r.id = a.request_id"
            + " order by (r.state_iso3 = 'SVN') desc nulls last, a.created_at limit 1");
    PATHS.put(
        "/api/v1/assistance/requests/{requestId}/assessments/{id}/agreement",
        "select '/api/v1/assistance/requests/' || a.request_id || '/assessments/' || a.id"
            + " || '/agreement' from needs_assessment a join assistance_request r"
            + " on r.id = a.request_id order by (r.state_iso3 = 'SVN') desc nulls last, a.created_at limit 1");
    PATHS.put(
        "/projects/{id}/indicators/{indicatorId}/values",
        "select '/projects/' || r.project_id || '/indicators/' || i.id || '/values' from"
            + " project_indicator i join project_result r on r.id = i.result_id"
            + " join project p on p.id = r.project_id order by (p.state_iso3 = 'SVN') desc nulls last, p.created_at, p.id, r.id, i.id limit 1");
    PATHS.put(
        "/api/v1/projects/{id}/indicators/{indicatorId}/values",
        "select '/api/v1/projects/' || r.project_id || '/indicators/' || i.id || '/values' from"
            + " project_indicator i join project_result r on r.id = i.result_id"
            + " join project p on p.id = r.project_id order by (p.state_iso3 = 'SVN') desc nulls last, p.created_at, p.id, r.id, i.id limit 1");
    PATHS.put(
        "/projects/{id}/results/{resultId}/indicators",
        "select '/projects/' || r.project_id || '/results/' || r.id || '/indicators' from"
            + " project_result r join project p on p.id = r.project_id"
            + " order by (p.state_iso3 = 'SVN') desc nulls last, p.created_at, p.id, r.id limit 1");
    PATHS.put(
        "/api/v1/funds/{code}/allocations/{id}/disbursements",
        "select '/api/v1/funds/' || a.fund_code || '/allocations/' || a.id || '/disbursements'"
            + " from fund_allocation a join project p on p.id = a.project_id"
            + " order by (p.state_iso3 = 'SVN') desc nulls last, a.created_at limit 1");
    PATHS.put(
        "/api/v1/funds/{code}/allocations/{id}/expenditures",
        "select '/api/v1/funds/' || a.fund_code || '/allocations/' || a.id || '/expenditures'"
            + " from fund_allocation a join project p on p.id = a.project_id"
            + " order by (p.state_iso3 = 'SVN') desc nulls last, a.created_at limit 1");
  }

  private final JdbcClient jdbc;
  private final UUID ownedNotification = UUID.randomUUID();
  private final UUID ownedToken = UUID.randomUUID();
  private final Map<String, String> resolved = new LinkedHashMap<>();
  private final List<String[]> written = new java.util.ArrayList<>();

  /**
   * Also writes the samples the demo data lacks: a notification and an API token of {@code owner},
   * a practice of State A (a copy of a published one of another State), and a civil-society input
   * of State A with a file, by {@code author} of organisation A.
   */
  RouteSamples(JdbcClient jdbc, UUID owner, UUID author) {
    this.jdbc = jdbc;
    UUID file = UUID.randomUUID();
    jdbc.sql(
            "insert into stored_file (id, file_name, media_type, size, sha256, stored_at,"
                + " stored_by) values (?, 'statement.txt', 'text/plain', 4, 'x', now(), ?)")
        .params(file, author)
        .update();
    jdbc.sql("insert into stored_file_content (file_id, content) values (?, ?)")
        .params(file, "text".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .update();
    UUID practice =
        copy(
            "practice",
            "select id from practice where status = 'PUBLISHED' order by created_at, id limit 1",
            Map.of("state_iso3", "'SVN'", "evidence_file_id", "'" + file + "'::uuid"));
    written.add(new String[] {"practice", practice.toString()});
    UUID input = UUID.randomUUID();
    jdbc.sql(
            "insert into civil_society_input (id, state_iso3, assignment_id, author_id,"
                + " organisation_code, statement, file_id, status, created_at, updated_at)"
                + " values (?, 'SVN', ("
                + PUBLISHED_ASSIGNMENT
                + "), ?, 'UPR_INFO', 'A statement',"
                + " ?, 'ACCEPTED', now(), now())")
        .params(input, author, file)
        .update();
    written.add(new String[] {"civil_society_input", input.toString()});
    jdbc.sql(
            "insert into progress_evidence (update_id, file_id) values (("
                + PUBLISHED_UPDATE
                + "), ?)")
        .param(file)
        .update();
    written.add(new String[] {"progress_evidence", file.toString(), "file_id"});
    written.add(new String[] {"stored_file_content", file.toString(), "file_id"});
    written.add(new String[] {"stored_file", file.toString()});
    jdbc.sql(
            "insert into notification (id, account_id, message_key, link, created_at)"
                + " values (?, ?, 'notification.test', '/workspace/SVN', now())")
        .params(ownedNotification, owner)
        .update();
    jdbc.sql(
            "insert into api_token (id, account_id, name, token_hash, token_prefix, created_at)"
                + " values (?, ?, 'matrix', ?, 'cpa_matr', now())")
        .params(ownedToken, owner, "matrix-" + ownedToken)
        .update();
    resolved.put("notifications/{id}", ownedNotification.toString());
    resolved.put("tokens/{id}", ownedToken.toString());
  }

  void removeOwned() {
    jdbc.sql("delete from notification where id = ?").param(ownedNotification).update();
    jdbc.sql("delete from api_token where id = ?").param(ownedToken).update();
    for (String[] row : written) {
      String key = row.length > 2 ? row[2] : "id";
      jdbc.sql("delete from " + row[0] + " where " + key + " = ?::uuid").param(row[1]).update();
    }
  }

  /** A copy of one row with a new id and some columns set otherwise (SQL expressions). */
  private UUID copy(String table, String which, Map<String, String> set) {
    UUID id = UUID.randomUUID();
    List<String> columns =
        jdbc.sql(
                "select column_name from information_schema.columns where table_name = ?"
                    + " and table_schema = current_schema() and is_generated = 'NEVER'"
                    + " order by ordinal_position")
            .param(table)
            .query(String.class)
            .list();
    String values =
        String.join(
            ", ",
            columns.stream()
                .map(c -> c.equals("id") ? "?::uuid" : set.getOrDefault(c, c))
                .toList());
    jdbc.sql(
            "insert into "
                + table
                + " ("
                + String.join(", ", columns)
                + ") select "
                + values
                + " from "
                + table
                + " where id = ("
                + which
                + ")")
        .param(id.toString())
        .update();
    return id;
  }

  /**
   * A row's send cell with each {@code ${key}} replaced by the sample of that key, e.g. {@code
   * ${requests/{id}}} by the id of State A's request.
   */
  String fill(String send) {
    Matcher m = Pattern.compile("\\$\\{([^$]+?)}(?![^{]*})").matcher(send);
    StringBuilder filled = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          filled, Matcher.quoteReplacement(value("", m.group(1), m.group(1), send)));
    }
    m.appendTail(filled);
    return filled.toString();
  }

  /** The URL to call for a route pattern. */
  String url(String pattern) {
    if (PATHS.containsKey(pattern)) {
      return one(PATHS.get(pattern), pattern);
    }
    if (pattern.equals("/")) {
      return pattern;
    }
    String[] segments = pattern.split("/");
    String family =
        pattern.startsWith("/api/v1/") ? segments.length > 3 ? segments[3] : "" : segments[1];
    StringBuilder url = new StringBuilder();
    for (int i = 1; i < segments.length; i++) {
      url.append('/');
      Matcher m = VARIABLE.matcher(segments[i]);
      StringBuilder segment = new StringBuilder();
      while (m.find()) {
        String variable = "{" + m.group(1) + "}";
        String before = i > 1 ? segments[i - 1] + "/" : "";
        m.appendReplacement(
            segment, Matcher.quoteReplacement(value(family, before + variable, variable, pattern)));
      }
      m.appendTail(segment);
      url.append(segment);
    }
    return url.toString();
  }

  private String value(String family, String key, String variable, String pattern) {
    for (String candidate : List.of(family + ":" + key, key, variable)) {
      if (resolved.containsKey(candidate)) {
        return resolved.get(candidate);
      }
      if (VALUES.containsKey(candidate)) {
        String value = one(VALUES.get(candidate), pattern);
        resolved.put(candidate, value);
        return value;
      }
    }
    throw new IllegalStateException(
        "No sample for "
            + key
            + " in "
            + pattern
            + ": teach RouteSamples a value for it (the thing of State A it stands for)");
  }

  private String one(String sql, String pattern) {
    List<String> values = jdbc.sql(sql).query(String.class).list();
    if (values.isEmpty()) {
      throw new IllegalStateException("The demo data has no sample for " + pattern + ": " + sql);
    }
    return values.get(0);
  }
}
