package org.coopera.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

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

  private final UserDetailsService users;

  public DemoLogins(UserDetailsService users) {
    this.users = users;
  }

  public RequestPostProcessor as(String email) {
    return user(users.loadUserByUsername(email));
  }
}
