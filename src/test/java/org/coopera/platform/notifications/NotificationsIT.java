package org.coopera.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.coopera.platform.Notifications;
import org.coopera.platform.Notifications.Notice;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications over HTTP: each person sees only theirs, in their language, counted in the header;
 * opening one marks it read and follows its link.
 */
@CooperaIntegrationTest
class NotificationsIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired Notifications notifications;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  private UUID focalPoint;

  @BeforeEach
  void noNotifications() {
    jdbc.sql("delete from notification").update();
    focalPoint = accountId(DemoLogins.FOCAL_POINT_PRY);
  }

  @Test
  void aPersonSeesTheirNotificationsInTheirLanguageAndTheHeaderCountsTheUnread() throws Exception {
    notify(focalPoint, "import.problem.file.pdf", List.of("report.csv"), "/recommendations");
    notify(focalPoint, "notifications.title", List.of(), "/profile");

    Document english = page("/notifications?lang=en", DemoLogins.FOCAL_POINT_PRY);
    assertThat(english.select("#nav-notifications").text()).isEqualTo("Notifications (2 new)");
    assertThat(english.select("ul.list-group li a").eachText())
        .containsExactlyInAnyOrder(
            "report.csv is a PDF document, whatever its name says. Import the Word version of an"
                + " OHCHR matrix, or a spreadsheet (CSV, XLS or XLSX).",
            "Notifications");
    assertThat(english.select("ul.list-group li .badge").eachText()).containsOnly("New");

    Document french = page("/notifications?lang=fr", DemoLogins.FOCAL_POINT_PRY);
    assertThat(french.select("ul.list-group li a").eachText())
        .anyMatch(text -> text.startsWith("report.csv est un document PDF"));
    assertThat(french.select("#nav-notifications").text()).isEqualTo("Notifications (2 nouvelles)");
  }

  @Test
  void openingANotificationMarksItReadAndFollowsItsLink() throws Exception {
    notify(focalPoint, "notifications.title", List.of(), "/recommendations?q=torture");
    UUID id = jdbc.sql("select id from notification").query(UUID.class).single();

    mvc.perform(get("/notifications/" + id).with(logins.as(DemoLogins.FOCAL_POINT_PRY)))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/recommendations?q=torture"));

    assertThat(notifications.unread(focalPoint)).isZero();
    Document after = page("/notifications?lang=en", DemoLogins.FOCAL_POINT_PRY);
    assertThat(after.select("#nav-notifications").text()).isEqualTo("Notifications");
    assertThat(after.select("ul.list-group li .badge")).isEmpty();
  }

  @Test
  void nobodyElseOpensOrSeesThem() throws Exception {
    notify(focalPoint, "notifications.title", List.of(), "/profile");
    UUID id = jdbc.sql("select id from notification").query(UUID.class).single();

    mvc.perform(get("/notifications/" + id).with(logins.as(DemoLogins.COORDINATOR_PRY)))
        .andExpect(status().isNotFound());
    assertThat(
            page("/notifications?lang=en", DemoLogins.COORDINATOR_PRY).select(".alert-info").text())
        .startsWith("You have no notifications.");
    mvc.perform(get("/notifications")).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/notifications/" + id)).andExpect(redirectedUrl("/login"));
    assertThat(notifications.unread(focalPoint)).isEqualTo(1);
  }

  @Test
  void markAllAsReadMarksOnlyTheirs() throws Exception {
    UUID coordinator = accountId(DemoLogins.COORDINATOR_PRY);
    notify(focalPoint, "notifications.title", List.of(), "/profile");
    notify(focalPoint, "notifications.title", List.of(), "/profile");
    notify(coordinator, "notifications.title", List.of(), "/profile");

    mvc.perform(
            post("/notifications/read").with(logins.as(DemoLogins.FOCAL_POINT_PRY)).with(csrf()))
        .andExpect(redirectedUrl("/notifications"));

    assertThat(notifications.unread(focalPoint)).isZero();
    assertThat(notifications.unread(coordinator)).isEqualTo(1);
  }

  @Test
  void aNotificationLinksOnlyInsideTheApplication() {
    assertThatThrownBy(() -> new Notice("notifications.title", List.of(), "https://evil.example"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Notice("notifications.title", List.of(), "//evil.example"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void argumentsKeepQuotesCommasAndBraces() {
    notify(focalPoint, "x", List.of("a \"quoted\", {braced} \\ value", ""), "/profile");
    assertThat(
            jdbc.sql("select arguments from notification")
                .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
                .single())
        .containsExactly("a \"quoted\", {braced} \\ value", "");
  }

  private void notify(UUID account, String key, List<String> arguments, String link) {
    transactions.executeWithoutResult(
        tx -> notifications.notify(account, new Notice(key, arguments, link)));
  }

  private UUID accountId(String email) {
    return jdbc.sql("select id from account where email = ?")
        .param(email)
        .query(UUID.class)
        .single();
  }

  private Document page(String path, String email) throws Exception {
    return Jsoup.parse(
        mvc.perform(get(path).with(logins.as(email)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
  }
}
