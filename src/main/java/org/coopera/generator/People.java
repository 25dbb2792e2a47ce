package org.coopera.generator;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The accounts generated rows are written by: a coordinator and a focal point for each State, an
 * OHCHR officer, a trainer and a fund manager. They cannot sign in (no password, disabled): they
 * only make the rows attributable, as the schema requires.
 */
final class People {

  static final String DOMAIN = "@generated.coopera.invalid";
  private static final int OFFICER = 10_000;
  private static final int TRAINER = 10_001;
  private static final int FUND_MANAGER = 10_002;

  private final Ids ids;
  private final Reference reference;
  private final String agency;

  People(Ids ids, Reference reference) {
    this.ids = ids;
    this.reference = reference;
    this.agency =
        reference.agencies().contains("OHCHR")
            ? "OHCHR"
            : reference.agencies().isEmpty() ? null : reference.agencies().get(0);
  }

  String agency() {
    return agency;
  }

  UUID coordinator(int state) {
    return ids.id(Ids.ACCOUNT, 2L * state);
  }

  UUID focalPoint(int state) {
    return ids.id(Ids.ACCOUNT, 2L * state + 1);
  }

  UUID officer() {
    return ids.id(Ids.ACCOUNT, OFFICER);
  }

  UUID trainer() {
    return ids.id(Ids.ACCOUNT, TRAINER);
  }

  UUID fundManager() {
    return ids.id(Ids.ACCOUNT, FUND_MANAGER);
  }

  void write(Copier copier) throws SQLException {
    String columns = "id, email, display_name, enabled, demo, created_at";
    String at = RecommendationRows.CREATED_AT;
    copier.copy(
        "account",
        columns,
        csv -> {
          for (Reference.State s : reference.states()) {
            String iso = s.iso3().toLowerCase(java.util.Locale.ROOT);
            csv.row(
                coordinator(s.index()),
                "coordinator." + iso + DOMAIN,
                "Coordinator, " + s.name() + " (generated)",
                false,
                false,
                at);
            csv.row(
                focalPoint(s.index()),
                "focal." + iso + DOMAIN,
                "Focal point, " + s.name() + " (generated)",
                false,
                false,
                at);
          }
          csv.row(officer(), "officer" + DOMAIN, "Officer (generated)", false, false, at);
          csv.row(trainer(), "trainer" + DOMAIN, "Trainer (generated)", false, false, at);
          csv.row(fundManager(), "funds" + DOMAIN, "Fund manager (generated)", false, false, at);
        });
    copier.copy(
        "role_assignment",
        "id, account_id, role, state_iso3, organisation_code",
        csv -> {
          for (Reference.State s : reference.states()) {
            csv.row(
                roleId(coordinator(s.index())),
                coordinator(s.index()),
                "STATE_COORDINATOR",
                s.iso3(),
                null);
            csv.row(
                roleId(focalPoint(s.index())),
                focalPoint(s.index()),
                "STATE_FOCAL_POINT",
                s.iso3(),
                null);
          }
          if (agency != null) {
            csv.row(roleId(officer()), officer(), "AGENCY_OFFICER", null, agency);
          }
          csv.row(roleId(trainer()), trainer(), "TRAINER", null, null);
          csv.row(roleId(fundManager()), fundManager(), "FUND_MANAGER", null, null);
        });
  }

  private static UUID roleId(UUID account) {
    return new UUID(account.getMostSignificantBits(), ~account.getLeastSignificantBits());
  }

  static List<String> givenNames() {
    return List.of(
        "Amina",
        "Carlos",
        "Mei",
        "Olga",
        "Fatima",
        "Juan",
        "Aisha",
        "Dmitri",
        "Lucía",
        "Kwame",
        "Nadia",
        "Tenzin",
        "Sofia",
        "Omar",
        "Ana",
        "Li",
        "Yusuf",
        "Maria",
        "Ibrahim",
        "Elena",
        "Thandiwe",
        "Rahul",
        "Leila",
        "Pablo",
        "Grace",
        "Hiroshi",
        "Marta",
        "Samuel",
        "Zainab",
        "Ivan");
  }

  static List<String> familyNames() {
    return List.of(
        "Diallo",
        "García",
        "Wang",
        "Ivanova",
        "Haddad",
        "López",
        "Mensah",
        "Petrov",
        "Nguyen",
        "Okafor",
        "Silva",
        "Rahman",
        "Kowalska",
        "Mwangi",
        "Santos",
        "Chen",
        "Kaya",
        "Fernández",
        "Ndiaye",
        "Popescu",
        "Tanaka",
        "Abebe",
        "Moreau",
        "Singh",
        "Haidari",
        "Banda",
        "Novak",
        "Morales",
        "Sesay",
        "Park");
  }
}
