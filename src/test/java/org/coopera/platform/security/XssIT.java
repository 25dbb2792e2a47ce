package org.coopera.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.coopera.recommendations.RegistryMaintenance;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.xml.sax.InputSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Output encoding, end to end: every free-text column of the database is overwritten with payloads
 * that would run script if any page printed them unescaped (each payload carries a marker naming
 * its table and column), then every GET route of the application and the links of its pages are
 * fetched as an administrator, as a State coordinator (of the demo State whose workspace has
 * assignments) and anonymously. No HTML page may hold an element, an event-handler attribute, a
 * {@code javascript:} link or a script that came from a payload; every JSON answer must still parse
 * and every XML answer be well-formed. Runs in a Spring context of its own, since it spoils the
 * demo data.
 */
@CooperaIntegrationTest
@TestPropertySource(properties = "coopera.test.context=xss")
class XssIT {

  /** Tables not shown by any page, or whose rows the application or Spring write for themselves. */
  private static final Set<String> TABLES_LEFT_OUT =
      Set.of(
          "flyway_schema_history",
          "spring_session",
          "spring_session_attributes",
          "audit_entry", // immutable by its trigger; the audit page shows the payloads as diffs
          "event_publication", // serialized events that Spring Modulith reads back
          "mail_outbox", // sent by mail, not shown
          "login_failure",
          "reminder_sent",
          "digest_sent",
          "practice_digest_sent",
          // counts kept by triggers, keyed by codes
          "recommendation_count",
          "recommendation_tag_count",
          "recommendation_tag_year_count",
          "recommendation_tag_state_count",
          "recommendation_published_status");

  /**
   * Columns that hold no text written by a person, by their name: language codes (read back as
   * locales), hashes and token prefixes, e-mail addresses (the sign-in name), media types (sent as
   * a header), message keys and other keys. Keys, codes and enumerations with a constraint
   * (primary, foreign and unique keys, unique indexes, checks) need no entry: they are found from
   * the schema, and a column whose check refuses the payloads is left as it is.
   */
  private static final Pattern COLUMNS_LEFT_OUT =
      Pattern.compile(
          "(.*_)?(language|hash|sha256|token_prefix|email|media_type|message_key|content_key"
              + "|subject|item_key|account_key)");

  /** A marker for column number N: {@code xssN_}; found in a page's text it shows the column. */
  private static final Pattern MARKER = Pattern.compile("xss(\\d+)_");

  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired RegistryMaintenance registry;

  private final JsonMapper json = JsonMapper.builder().build();

  /** Column number N as table.column. */
  private final List<String> injected = new ArrayList<>();

  private final Map<String, Set<String>> unsafe = new TreeMap<>();
  private final Set<Integer> shown = new TreeSet<>();

  static String payload(int n) {
    String m = "xss" + n + "_";
    return m
        + " \"'><script>"
        + m
        + "()</script><img src=x onerror="
        + m
        + "()>' onmouseover='"
        + m
        + "()' \" onfocus=\""
        + m
        + "()\" <a href=\"javascript:"
        + m
        + "()\">j</a> \u2028</script>\"});"
        + m
        + "();// \\";
  }

  /**
   * For columns whose check limits the length (30 characters at most, the row's ctid included), or,
   * after a slash, wants a local path (the links of notifications).
   */
  static String shortPayload(int n) {
    return "\"><svg onload=xss" + n + "_()>";
  }

  @Test
  void noPageRunsWhatWasWrittenInAnyTextField() throws Exception {
    List<String> refused = inject();
    int columns = injected.size();
    List<String> typed = throughForms();
    registry.rebuildSearchIndex();

    Routes routes = Routes.of(context);
    Crawler crawler = new Crawler(mvc, logins);
    PathValues values = new PathValues(jdbc, path -> crawler.fetch(DemoLogins.ADMIN, path).body());
    List<String> start = new ArrayList<>();
    List<String> noData = new ArrayList<>();
    for (Routes.Route route : routes.all()) {
      values
          .of(route)
          .ifPresentOrElse(v -> start.add(route.path(v)), () -> noData.add(route.pattern()));
    }
    Map<String, Integer> pages = new LinkedHashMap<>();
    for (String who : new String[] {DemoLogins.ADMIN, DemoLogins.COORDINATOR_SVN, null}) {
      // the administrator sees the most pages: the bound lets the crawl follow more of its links
      int links = DemoLogins.ADMIN.equals(who) ? 150 : 60;
      pages.put(String.valueOf(who), crawler.crawl(who, start, start.size() + links, this::check));
    }

    System.out.printf(
        "XssIT: %d text columns injected and %d form fields typed (%d left as they were: their"
            + " constraint refused the payloads: %s); %d routes, %d without demo rows to show (%s); pages fetched %s;"
            + " payload seen escaped on a page for %d columns: %s%n",
        columns,
        typed.size(),
        refused.size(),
        refused,
        routes.all().size(),
        noData.size(),
        noData,
        pages,
        shown.size(),
        shown.stream().map(injected::get).toList());
    assertThat(unsafe).as("pages that run or break on what was written in a text field").isEmpty();
    assertThat(shown.stream().map(injected::get))
        .as("the payloads did reach the pages")
        .contains(
            "state.name",
            "recommendation_text.text",
            "project.title",
            "practice.title",
            "library_resource.title",
            "account.display_name",
            "assistance_request.title")
        .containsAll(typed);
  }

  /**
   * The same payloads typed into real forms, which the pages then list: an organisation's name and
   * an account's display name (the rest of the forms save through the same escaping as the rows
   * written above). Answers the markers' names.
   */
  private List<String> throughForms() throws Exception {
    int organisation = injected.size();
    injected.add("form: organisation name");
    mvc.perform(
            post("/admin/organisations")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("code", "XSS_FORM")
                .param("name", formPayload(organisation))
                .param("kind", "NHRI")
                .param("stateIso3", PathValues.STATE))
        .andExpect(status().isFound());
    int account = injected.size();
    injected.add("form: account display name");
    mvc.perform(
            post("/admin/accounts")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("email", "xss.form@example.org")
                .param("displayName", formPayload(account))
                .param("password", "correct horse battery")
                .param("grants[0].role", "STATE_FOCAL_POINT")
                .param("grants[0].state", PathValues.STATE))
        .andExpect(status().isFound());
    return List.of(injected.get(organisation), injected.get(account));
  }

  /** What a person could type in a name field (the length those fields allow). */
  static String formPayload(int n) {
    String m = "xss" + n + "_";
    return m + " \"'><script>" + m + "()</script><img src=x onerror=" + m + "()>";
  }

  /** Writes a payload into every free-text column; answers the columns whose check refused it. */
  private List<String> inject() throws SQLException {
    Set<String> keys = new TreeSet<>(constrained());
    List<String> refused = new ArrayList<>();
    List<String[]> columns =
        jdbc.sql(
                "select c.table_name, c.column_name, c.data_type from information_schema.columns c"
                    + " join information_schema.tables t on t.table_schema = c.table_schema"
                    + " and t.table_name = c.table_name where c.table_schema = current_schema()"
                    + " and t.table_type = 'BASE TABLE' and (c.data_type in ('text',"
                    + " 'character varying') or (c.data_type = 'ARRAY' and c.udt_name = '_text'))"
                    + " and c.is_generated = 'NEVER' order by 1, 2")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .list();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      for (String[] column : columns) {
        String name = column[0] + "." + column[1];
        if (TABLES_LEFT_OUT.contains(column[0])
            || keys.contains(name)
            || COLUMNS_LEFT_OUT.matcher(column[1]).matches()) {
          continue;
        }
        int n = injected.size();
        boolean array = column[2].equals("ARRAY");
        // the row's ctid keeps the values of a column apart where an index wants them unique
        String sql =
            "update "
                + column[0]
                + " set "
                + column[1]
                + (array ? " = array[? || ctid::text, 'plain']" : " = ? || ctid::text")
                + " where "
                + column[1]
                + " is not null";
        if (write(c, sql, payload(n))
            || write(c, sql, shortPayload(n))
            || write(c, sql, "/" + shortPayload(n))) {
          injected.add(name);
        } else {
          refused.add(name);
        }
      }
      c.commit();
    }
    return refused;
  }

  private static boolean write(Connection c, String sql, String value) throws SQLException {
    Savepoint before = c.setSavepoint();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, value);
      s.executeUpdate();
      c.releaseSavepoint(before);
      return true;
    } catch (SQLException e) {
      c.rollback(before);
      return false;
    }
  }

  /** The columns that are part of a primary, foreign or unique key, or of a unique index. */
  private List<String> constrained() {
    return jdbc.sql(
            "select distinct r.relname || '.' || a.attname from pg_constraint k"
                + " join pg_class r on r.oid = k.conrelid"
                + " join pg_attribute a on a.attrelid = r.oid and a.attnum = any (k.conkey)"
                + " where k.contype in ('p', 'f', 'u')"
                + " union select r.relname || '.' || a.attname from pg_index i"
                + " join pg_class r on r.oid = i.indrelid"
                + " join pg_attribute a on a.attrelid = r.oid and a.attnum = any (i.indkey)"
                + " where i.indisunique")
        .query(String.class)
        .list();
  }

  private void check(Crawler.Page page) {
    String where = page.url() + " (" + (page.who() == null ? "anonymous" : page.who()) + ")";
    if (page.status() >= 500) {
      problem("answers " + page.status(), where + " " + abbreviated(page.body()));
      return;
    }
    Matcher m = MARKER.matcher(page.body());
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      if (n < injected.size()) {
        shown.add(n);
      }
    }
    if (page.html()) {
      checkHtml(Jsoup.parse(page.body()), where);
    } else if (page.json()) {
      try {
        json.readTree(page.body());
      } catch (RuntimeException e) {
        problem("JSON that does not parse", where + " " + e.getMessage());
      }
    } else if (page.xml() && !page.body().isEmpty()) {
      try {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.newDocumentBuilder().parse(new InputSource(new StringReader(page.body())));
      } catch (Exception e) {
        problem("XML that is not well-formed", where + " " + e.getMessage());
      }
    }
  }

  private void checkHtml(Document document, String where) {
    for (Element e : document.getAllElements()) {
      if (e.tagName().equals("script") && MARKER.matcher(e.data()).find()) {
        problem("a script written by a payload", where + " " + abbreviated(e.outerHtml()));
      }
      if ((e.tagName().equals("img") && "x".equals(e.attr("src")))
          || e.tagName().equals("svg") && MARKER.matcher(e.attributes().html()).find()) {
        problem("an element written by a payload", where + " " + abbreviated(e.outerHtml()));
      }
      for (Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase();
        String value = a.getValue();
        if (MARKER.matcher(key).find() || key.startsWith("on") && MARKER.matcher(value).find()) {
          problem("an attribute written by a payload", where + " " + abbreviated(e.outerHtml()));
        }
        if ((key.equals("href")
                || key.equals("src")
                || key.equals("action")
                || key.equals("formaction")
                || key.equals("hx-get")
                || key.equals("hx-post"))
            && value.strip().toLowerCase().startsWith("javascript:")) {
          problem("a javascript: link", where + " " + abbreviated(e.outerHtml()));
        }
      }
    }
  }

  private void problem(String what, String where) {
    Set<String> places = unsafe.computeIfAbsent(what, k -> new TreeSet<>());
    if (places.size() < 40) {
      places.add(where);
    }
  }

  private static String abbreviated(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
