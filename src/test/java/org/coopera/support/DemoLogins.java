package org.coopera.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import org.coopera.identity.internal.DemoAccounts;
import org.coopera.identity.internal.Totp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs MockMvc requests in as one of the demo accounts, with its real roles from the database. */
@Component
public class DemoLogins {

  public static final String ADMIN = "admin@demo.coopera.org";
  public static final String COORDINATOR_PRY = "coordinator.pry@demo.coopera.org";
  public static final String FOCAL_POINT_PRY = "focal.pry@demo.coopera.org";
  public static final String COORDINATOR_SVN = "coordinator.svn@demo.coopera.org";
  public static final String FOCAL_POINT_SVN = "focal.svn@demo.coopera.org";
  public static final String AGENCY_OFFICER = "officer.ohchr@demo.coopera.org";
  public static final String FUND_MANAGER = "fund.manager@demo.coopera.org";
  public static final String DONOR = "donor.nor@demo.coopera.org";
  public static final String TRAINER = "trainer@demo.coopera.org";
  public static final String CIVIL_SOCIETY = "civil.society@demo.coopera.org";
  public static final String PASSWORD = "coopera-demo-2026";

  /** The published authenticator secret of the demo administrator and fund manager. */
  public static final String TOTP_SECRET = DemoAccounts.TOTP_SECRET;

  private final UserDetailsService users;
  private final JdbcClient jdbc;

  public DemoLogins(UserDetailsService users, JdbcClient jdbc) {
    this.users = users;
    this.jdbc = jdbc;
  }

  /**
   * A code of the demo authenticator secret that this account has not used yet: the earliest of the
   * current time step and its neighbours that is later than the last one used, waiting for the next
   * step if all three were used.
   */
  public String unusedCode(String email) {
    while (true) {
      long last =
          jdbc.sql(
                  "select t.last_used_step from two_factor t join account a on a.id ="
                      + " t.account_id where a.email = ?")
              .param(email)
              .query(Long.class)
              .optional()
              .orElse(0L);
      long now = Totp.step(Instant.now());
      for (long step = now - 1; step <= now + 1; step++) {
        if (step > last) {
          return Totp.code(TOTP_SECRET, step);
        }
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public RequestPostProcessor as(String email) {
    return user(users.loadUserByUsername(email));
  }
}
