package org.coopera.identity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;

/**
 * Which Coopera roles each group of an identity provider gives, read from one line of text so that
 * it fits in an environment variable:
 *
 * <pre>
 * svn-coordinators=STATE_COORDINATOR@SVN; coopera-admins=ADMINISTRATOR;
 * norway-donors=DONOR@state:NOR,TRAINER; undp=AGENCY_OFFICER@UNDP
 * </pre>
 *
 * Entries are separated by {@code ;}; in each, the group comes before the last {@code =} and the
 * grants, comma-separated, after it. A grant is a role, then {@code @} and its scope when the role
 * has one: a State (ISO 3166 alpha-3) for a State's roles, an organisation code for an
 * organisation's, and {@code state:} or {@code organisation:} before it for a role that takes
 * either (DONOR). Group names are compared exactly. A mistake fails the start-up, naming the entry.
 */
final class RoleMapping {

  private final Map<String, List<Grant>> byGroup;

  private RoleMapping(Map<String, List<Grant>> byGroup) {
    this.byGroup = byGroup;
  }

  static RoleMapping parse(String text) {
    Map<String, List<Grant>> byGroup = new LinkedHashMap<>();
    if (text == null) {
      return new RoleMapping(byGroup);
    }
    for (String entry : text.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.lastIndexOf('=');
      String group = equals < 0 ? "" : entry.substring(0, equals).strip();
      if (group.isEmpty()) {
        throw new IllegalArgumentException(
            "Role mapping entry '" + entry.strip() + "' must read group=ROLE[@SCOPE],...");
      }
      List<Grant> grants = new ArrayList<>();
      for (String grant : entry.substring(equals + 1).split(",")) {
        if (!grant.isBlank()) {
          grants.add(grant(grant.strip(), entry.strip()));
        }
      }
      if (grants.isEmpty()) {
        throw new IllegalArgumentException(
            "Role mapping entry '" + entry.strip() + "' gives the group no role");
      }
      byGroup.merge(group, List.copyOf(grants), RoleMapping::both);
    }
    return new RoleMapping(byGroup);
  }

  /** The grants the given groups give, each once, in the order of the mapping. */
  List<Grant> grantsFor(Collection<String> groups) {
    Set<Grant> grants = new LinkedHashSet<>();
    byGroup.forEach(
        (group, given) -> {
          if (groups.contains(group)) {
            grants.addAll(given);
          }
        });
    return List.copyOf(grants);
  }

  boolean isEmpty() {
    return byGroup.isEmpty();
  }

  private static Grant grant(String text, String entry) {
    int at = text.indexOf('@');
    String roleName = (at < 0 ? text : text.substring(0, at)).strip();
    String scope = at < 0 ? null : text.substring(at + 1).strip();
    Role role;
    try {
      role = Role.valueOf(roleName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Role mapping entry '" + entry + "' names no role of Coopera: " + roleName, e);
    }
    try {
      if (scope == null) {
        return Grant.of(role);
      }
      if (scope.startsWith("state:")) {
        return Grant.forState(role, scope.substring("state:".length()).toUpperCase(Locale.ROOT));
      }
      if (scope.startsWith("organisation:")) {
        return Grant.forOrganisation(role, scope.substring("organisation:".length()));
      }
      return switch (role.scope()) {
        case STATE -> Grant.forState(role, scope.toUpperCase(Locale.ROOT));
        case ORGANISATION -> Grant.forOrganisation(role, scope);
        case NONE -> Grant.forState(role, scope); // refused: the role takes no scope
        case STATE_OR_ORGANISATION ->
            throw new IllegalArgumentException(
                "Role mapping entry '"
                    + entry
                    + "': "
                    + role
                    + " needs state:ISO3 or organisation:CODE after @");
      };
    } catch (Grant.InvalidGrantException e) {
      throw new IllegalArgumentException(
          "Role mapping entry '" + entry + "': " + role + " needs scope " + role.scope(), e);
    }
  }

  private static List<Grant> both(List<Grant> first, List<Grant> second) {
    List<Grant> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
