package org.coopera.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManagerFactory;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The account list: filters, and the same few queries whatever the number of accounts. */
@CooperaIntegrationTest
class AccountListQueriesIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired EntityManagerFactory entityManagerFactory;

  @Test
  void theAccountListLoadsRolesInOneQuery() throws Exception {
    RequestPostProcessor admin = logins.as(DemoLogins.ADMIN);
    Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    statistics.clear();
    mvc.perform(get("/admin/accounts").with(admin)).andExpect(status().isOk());
    assertThat(statistics.getPrepareStatementCount())
        .as("page, count and the roles of the page's accounts")
        .isLessThanOrEqualTo(3);
    assertThat(statistics.getEntityLoadCount()).isGreaterThanOrEqualTo(10);
  }

  @Test
  void accountsFilterByRoleAndState() throws Exception {
    RequestPostProcessor admin = logins.as(DemoLogins.ADMIN);
    mvc.perform(
            get("/admin/accounts")
                .with(admin)
                .param("role", "STATE_COORDINATOR")
                .param("state", "PRY"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(DemoLogins.COORDINATOR_PRY)))
        .andExpect(content().string(not(containsString("coordinator.svn@demo.coopera.org"))))
        .andExpect(content().string(not(containsString(DemoLogins.FOCAL_POINT_PRY))));
    mvc.perform(get("/admin/accounts").with(admin).param("q", "TRAINER@demo"))
        .andExpect(content().string(containsString(DemoLogins.TRAINER)))
        .andExpect(content().string(containsString("1 account")));
    mvc.perform(get("/admin/accounts").with(admin).param("role", "KING"))
        .andExpect(status().isBadRequest());
  }
}
