package org.coopera.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;

/**
 * The demo accounts, one per role, documented in README.md, and a State coordinator for each State
 * whose assistance the demo shows from the report's own cases (paras 80-88), who submits its
 * request. They exist only in demo mode, all with the password {@value #PASSWORD}.
 */
public final class DemoAccounts {

  public static final String PASSWORD = "coopera-demo-2026";

  /**
   * The published authenticator secret (Base32) of the demo accounts whose roles require a second
   * factor (administrator, fund manager): add it to an authenticator app, or run {@code oathtool
   * --totp -b} with it, to get their codes.
   */
  public static final String TOTP_SECRET = "COOPERADEMOTWOFACTORSECRETKEY234";

  /** One demo account. */
  public record DemoAccount(String email, String displayName, List<Grant> grants) {}

  /** A State of the report's cases. */
  record CaseState(String iso3, String name) {}

  /** The States of the report's cases other than Paraguay and Slovenia, by ISO3 code. */
  static final List<CaseState> CASE_STATES =
      List.of(
          new CaseState("COL", "Colombia"),
          new CaseState("GTM", "Guatemala"),
          new CaseState("HTI", "Haiti"),
          new CaseState("KHM", "Cambodia"),
          new CaseState("LAO", "Lao People's Democratic Republic"),
          new CaseState("LBN", "Lebanon"),
          new CaseState("MAR", "Morocco"),
          new CaseState("MEX", "Mexico"),
          new CaseState("MMR", "Myanmar"),
          new CaseState("PHL", "Philippines"),
          new CaseState("RUS", "Russian Federation"),
          new CaseState("SEN", "Senegal"),
          new CaseState("SLV", "El Salvador"),
          new CaseState("TGO", "Togo"),
          new CaseState("THA", "Thailand"),
          new CaseState("TUN", "Tunisia"));

  public static final List<DemoAccount> ALL =
      Stream.concat(
              List.of(
                  new DemoAccount(
                      "admin@demo.coopera.org",
                      "Demo Administrator",
                      List.of(Grant.of(Role.ADMINISTRATOR))),
                  new DemoAccount(
                      "coordinator.pry@demo.coopera.org",
                      "Demo State Coordinator (Paraguay)",
                      List.of(Grant.forState(Role.STATE_COORDINATOR, "PRY"))),
                  new DemoAccount(
                      "focal.pry@demo.coopera.org",
                      "Demo Focal Point (Paraguay)",
                      List.of(Grant.forState(Role.STATE_FOCAL_POINT, "PRY"))),
                  new DemoAccount(
                      "coordinator.svn@demo.coopera.org",
                      "Demo State Coordinator (Slovenia)",
                      List.of(Grant.forState(Role.STATE_COORDINATOR, "SVN"))),
                  new DemoAccount(
                      "focal.svn@demo.coopera.org",
                      "Demo Focal Point (Slovenia)",
                      List.of(Grant.forState(Role.STATE_FOCAL_POINT, "SVN"))),
                  new DemoAccount(
                      "officer.ohchr@demo.coopera.org",
                      "Demo Agency Officer (OHCHR)",
                      List.of(Grant.forOrganisation(Role.AGENCY_OFFICER, "OHCHR"))),
                  new DemoAccount(
                      "officer.undp@demo.coopera.org",
                      "Demo Agency Officer (UNDP)",
                      List.of(Grant.forOrganisation(Role.AGENCY_OFFICER, "UNDP"))),
                  new DemoAccount(
                      "fund.manager@demo.coopera.org",
                      "Demo Fund Manager",
                      List.of(Grant.of(Role.FUND_MANAGER))),
                  new DemoAccount(
                      "donor.nor@demo.coopera.org",
                      "Demo Donor (Norway)",
                      List.of(Grant.forState(Role.DONOR, "NOR"))),
                  new DemoAccount(
                      "trainer@demo.coopera.org", "Demo Trainer", List.of(Grant.of(Role.TRAINER))),
                  new DemoAccount(
                      "civil.society@demo.coopera.org",
                      "Demo Civil Society (UPR Info)",
                      List.of(Grant.forOrganisation(Role.CIVIL_SOCIETY, "UPR_INFO"))))
                  .stream(),
              CASE_STATES.stream().map(DemoAccounts::coordinator))
          .toList();

  /** The coordinator of a State of the report's cases: {@code coordinator.<iso3>@demo...}. */
  private static DemoAccount coordinator(CaseState state) {
    return new DemoAccount(
        "coordinator." + state.iso3().toLowerCase(Locale.ROOT) + "@demo.coopera.org",
        "Demo State Coordinator (" + state.name() + ")",
        List.of(Grant.forState(Role.STATE_COORDINATOR, state.iso3())));
  }

  private DemoAccounts() {}
}
