package org.coopera.identity.internal;

import java.util.List;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;

/**
 * The demo accounts, one per role, documented in README.md. They exist only in demo mode, all with
 * the password {@value #PASSWORD}.
 */
public final class DemoAccounts {

  public static final String PASSWORD = "coopera-demo-2026";

  /** One demo account. */
  public record DemoAccount(String email, String displayName, List<Grant> grants) {}

  public static final List<DemoAccount> ALL =
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
              List.of(Grant.forOrganisation(Role.CIVIL_SOCIETY, "UPR_INFO"))));

  private DemoAccounts() {}
}
