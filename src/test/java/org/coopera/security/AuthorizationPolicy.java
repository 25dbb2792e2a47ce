package org.coopera.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;

/**
 * The policy table of who may do what ({@code
 * src/test/resources/security/authorization-policy.tsv}, explained at its top), and the principals
 * the matrix calls every route as.
 */
final class AuthorizationPolicy {

  static final String FILE = "/security/authorization-policy.tsv";

  /** Which side of the sample data a scoped principal stands on. */
  enum Side {
    NONE,
    A,
    B
  }

  /**
   * Someone calling: anonymous (no role), or one grant. State A is Slovenia, whose workspace,
   * project, practice and clusters the samples are; State B is Paraguay. Organisations and donors
   * have an A and a B too: A is the one the sample data names.
   */
  record Principal(String name, Role role, Side side, String state, String organisation) {
    Grant grant() {
      return new Grant(role, state, organisation);
    }
  }

  static final Principal ANONYMOUS = new Principal("anonymous", null, Side.NONE, null, null);

  /** The State coordinator of A also owns the sample notification and API token. */
  static final Principal OWNER =
      new Principal("STATE_COORDINATOR@A", Role.STATE_COORDINATOR, Side.A, "SVN", null);

  /** The civil-society organisation A writes the sample input. */
  static final Principal AUTHOR =
      new Principal("CIVIL_SOCIETY@A", Role.CIVIL_SOCIETY, Side.A, null, "UPR_INFO");

  /**
   * Fields every form POST carries, so that a handler's required parameters are there and the
   * request reaches the check of who may make it (a row's own fields are added after them).
   */
  static final Map<String, String> DEFAULT_FORM =
      Map.ofEntries(
          Map.entry("version", "0"),
          Map.entry("expectedVersion", "0"),
          Map.entry("state", "SVN"),
          Map.entry("language", "fr"),
          Map.entry("kind", "THEME"),
          Map.entry("tag", "A1"),
          Map.entry("decision", "ACCEPTED"),
          Map.entry("accept", "true"),
          Map.entry("subscribed", "true"),
          Map.entry("adopted", "true"),
          Map.entry("consents", "true"),
          Map.entry("published", "true"),
          Map.entry("provider", "OHCHR"),
          Map.entry("name", "Matrix"),
          Map.entry("whatChanged", "Matrix"));

  static final List<Principal> PRINCIPALS =
      List.of(
          ANONYMOUS,
          new Principal("ADMINISTRATOR", Role.ADMINISTRATOR, Side.NONE, null, null),
          new Principal("FUND_MANAGER", Role.FUND_MANAGER, Side.NONE, null, null),
          new Principal("TRAINER", Role.TRAINER, Side.NONE, null, null),
          OWNER,
          new Principal("STATE_COORDINATOR@B", Role.STATE_COORDINATOR, Side.B, "PRY", null),
          new Principal("STATE_FOCAL_POINT@A", Role.STATE_FOCAL_POINT, Side.A, "SVN", null),
          new Principal("STATE_FOCAL_POINT@B", Role.STATE_FOCAL_POINT, Side.B, "PRY", null),
          new Principal("AGENCY_OFFICER@A", Role.AGENCY_OFFICER, Side.A, null, "OHCHR"),
          new Principal("AGENCY_OFFICER@B", Role.AGENCY_OFFICER, Side.B, null, "UNDP"),
          new Principal("DONOR@A", Role.DONOR, Side.A, "NOR", null),
          new Principal("DONOR@B", Role.DONOR, Side.B, "PRY", null),
          AUTHOR,
          new Principal("CIVIL_SOCIETY@B", Role.CIVIL_SOCIETY, Side.B, null, "AMNESTY"));

  /** Who may call one route, and what to send it. */
  record Rule(String route, Set<String> who, String send, boolean inputFirst) {

    /**
     * A page of the second step of signing in: it serves only a session between its password and
     * its code, which none of the matrix's callers is; they are all sent to the sign-in.
     */
    boolean secondStep() {
      return who.contains("second-step");
    }

    /** Whether the policy lets anyone at all call the route. */
    boolean allowsSomeone() {
      return PRINCIPALS.stream().anyMatch(this::allows);
    }

    boolean allows(Principal p) {
      if (who.contains("anyone")) {
        return true;
      }
      if (p.role() == null) {
        return false;
      }
      return who.contains("signed-in")
          || who.contains(p.role().name())
          || (p.side() != Side.NONE && who.contains(p.role().name() + "@" + p.side()));
    }

    /** The JSON body of an API call, from the row's send cell with its samples filled. */
    String body(String send) {
      return send.startsWith("{") || send.startsWith("[") ? send : "{\"version\": 0}";
    }

    /** The form fields (or query parameters) of the row's send cell, samples filled. */
    Map<String, String> form(String send) {
      if (send.isEmpty() || send.startsWith("{") || send.startsWith("[")) {
        return Map.of();
      }
      return fields(send);
    }
  }

  /** Fields written {@code a=1&b=2}. */
  static Map<String, String> fields(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return fields;
  }

  private final Map<String, Rule> rules;

  private AuthorizationPolicy(Map<String, Rule> rules) {
    this.rules = rules;
  }

  boolean names(String route) {
    return rules.containsKey(route);
  }

  Rule rule(String route) {
    return rules.get(route);
  }

  List<String> routes() {
    return new ArrayList<>(rules.keySet());
  }

  static AuthorizationPolicy load() throws IOException {
    String text;
    try (InputStream in = AuthorizationPolicy.class.getResourceAsStream(FILE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, List<String>> groups = new HashMap<>();
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = raw.split("\t");
      if (cells[0].equals("group")) {
        groups.put(cells[1].strip(), tokens(cells[2], groups, raw));
        continue;
      }
      if (cells.length < 3) {
        throw new IllegalStateException("A policy row needs method, path and who: " + raw);
      }
      String route = cells[0].strip() + " " + cells[1].strip();
      if (rules.containsKey(route)) {
        throw new IllegalStateException("Two rows for " + route);
      }
      String send = cells.length > 3 ? cells[3].strip() : "";
      String note = cells.length > 4 ? cells[4].strip() : "";
      rules.put(
          route,
          new Rule(
              route,
              Set.copyOf(tokens(cells[2], groups, raw)),
              send.equals("-") ? "" : send,
              note.startsWith("input-first")));
    }
    return new AuthorizationPolicy(rules);
  }

  /** The tokens of a "who" cell, groups expanded; an unknown token fails. */
  private static List<String> tokens(String cell, Map<String, List<String>> groups, String row) {
    List<String> tokens = new ArrayList<>();
    for (String token : cell.split(",")) {
      String t = token.strip();
      if (t.isEmpty() || t.equals("nobody")) {
        continue;
      }
      if (groups.containsKey(t)) {
        tokens.addAll(groups.get(t));
        continue;
      }
      String role = t.replaceAll("@[AB]$", "");
      boolean known =
          t.equals("anyone")
              || t.equals("signed-in")
              || t.equals("second-step")
              || Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(role));
      if (!known) {
        throw new IllegalStateException("Unknown token " + t + " in: " + row);
      }
      tokens.add(t);
    }
    return tokens;
  }
}
