package org.coopera.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The calendar of a State's workspace over HTTP: only its officials and administrators see it;
 * overdue items come first, then the months to come; the filters, the CSV (formulas neutralised)
 * and the iCalendar file (escaped, folded, all-day events) hold the same items.
 */
@CooperaIntegrationTest
class CalendarIT {

  static final String COORDINATOR_SVN = "coordinator.svn@demo.coopera.org";
  static final String FORMULA = "=1+2, \"quoted\"; and more";

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;

  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
  private WorkspaceFixture fixture;
  private UUID assignment;
  private UUID court;

  @BeforeEach
  void workspace() {
    fixture = new WorkspaceFixture(jdbc);
    UUID justice = fixture.institution("PRY", "Ministerio de Justicia");
    court = fixture.institution("PRY", "Corte Suprema de Justicia");
    assignment = fixture.assignment("PRY", "Prevention of torture", court, today.plusDays(100));
    fixture.action(
        assignment, FORMULA, justice, today.minusDays(2), ImplementationStatus.NOT_STARTED);
    fixture.action(
        assignment,
        "Visit the prisons",
        justice,
        today.plusDays(3),
        ImplementationStatus.IN_PROGRESS);
    fixture.action(
        assignment,
        "Hire inspectors",
        justice,
        today.minusDays(20),
        ImplementationStatus.FULLY_IMPLEMENTED);
  }

  @AfterEach
  void clean() {
    fixture.removeCreated();
  }

  @Test
  void onlyTheStatesOfficialsAndAdministratorsSeeItsCalendar() throws Exception {
    for (String path :
        List.of(
            "/workspace/PRY/calendar",
            "/workspace/PRY/calendar.csv",
            "/workspace/PRY/calendar.ics")) {
      mvc.perform(get(path)).andExpect(redirectedUrl("/login"));
      for (String who :
          List.of(COORDINATOR_SVN, DemoLogins.AGENCY_OFFICER, DemoLogins.CIVIL_SOCIETY)) {
        mvc.perform(get(path).with(logins.as(who))).andExpect(status().isForbidden());
      }
      for (String who :
          List.of(DemoLogins.FOCAL_POINT_PRY, DemoLogins.COORDINATOR_PRY, DemoLogins.ADMIN)) {
        mvc.perform(get(path).with(logins.as(who))).andExpect(status().isOk());
      }
    }
    mvc.perform(get("/workspace/XYZ/calendar").with(logins.as(DemoLogins.ADMIN)))
        .andExpect(status().isNotFound());
    assertThat(
            page("/workspace/PRY/institutions?lang=en", DemoLogins.FOCAL_POINT_PRY)
                .select("nav a[href$=/calendar]")
                .attr("href"))
        .isEqualTo("/workspace/PRY/calendar");
  }

  @Test
  void overdueItemsComeFirstThenTheMonthsToCome() throws Exception {
    Document page = page("/workspace/PRY/calendar?lang=en", DemoLogins.FOCAL_POINT_PRY);

    assertThat(page.select("h1").text()).isEqualTo("Deadlines – Paraguay");
    assertThat(page.select("#overdue h2").text()).isEqualTo("Overdue (1)");
    assertThat(page.select("#overdue tbody tr td:eq(2)").eachText()).containsExactly(FORMULA);
    assertThat(page.select("#overdue tbody tr td:eq(4)").text())
        .isEqualTo("Ministerio de Justicia");
    assertThat(page.select("#overdue a").attr("href"))
        .isEqualTo("/workspace/PRY/assignments/" + assignment);
    assertThat(page.select("section.month tbody tr td:eq(2)").eachText())
        .containsExactly("Visit the prisons", "Prevention of torture");
    assertThat(page.select("section.month h2").first().text())
        .isEqualTo(
            today
                .plusDays(3)
                .format(DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH)));
    assertThat(page.select("section.month tbody tr").first().select(".badge").text())
        .isEqualTo("Due soon");
    assertThat(page.text()).doesNotContain("Hire inspectors");
    assertThat(page.select("#calendar-empty")).isEmpty();

    Document withPast =
        page("/workspace/PRY/calendar?lang=en&past=true", DemoLogins.FOCAL_POINT_PRY);
    assertThat(withPast.select("section.month tbody tr td:eq(2)").eachText())
        .containsExactly("Hire inspectors", "Visit the prisons", "Prevention of torture");
    assertThat(withPast.select("#past").hasAttr("checked")).isTrue();

    Document targets =
        page("/workspace/PRY/calendar?lang=en&kind=target", DemoLogins.FOCAL_POINT_PRY);
    assertThat(targets.select("tbody tr td:eq(1)").eachText()).containsExactly("Target date");
    assertThat(targets.select("#overdue")).isEmpty();

    Document byCourt =
        page("/workspace/PRY/calendar?lang=en&institution=" + court, DemoLogins.FOCAL_POINT_PRY);
    assertThat(byCourt.select("tbody tr td:eq(2)").eachText())
        .containsExactly("Prevention of torture");

    UUID ombudsman = fixture.institution("PRY", "Defensoría del Pueblo");
    Document none =
        page(
            "/workspace/PRY/calendar?lang=fr&institution=" + ombudsman, DemoLogins.FOCAL_POINT_PRY);
    assertThat(none.select("#calendar-empty").text()).startsWith("Rien n’est dû");
    assertThat(none.select("table")).isEmpty();
  }

  @Test
  void theCsvHoldsTheItemsWithFormulasNeutralised() throws Exception {
    MvcResult result =
        mvc.perform(
                get("/workspace/PRY/calendar.csv?lang=en")
                    .with(logins.as(DemoLogins.COORDINATOR_PRY)))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(result.getResponse().getContentType()).startsWith("text/csv");
    assertThat(result.getResponse().getHeader("Content-Disposition")).contains("deadlines-PRY.csv");
    String csv = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "\uFEFFDate,Kind,What,Recommendation or cluster,Responsible institution,Status,Link");
    assertThat(lines).hasSize(4);
    assertThat(lines[1])
        .isEqualTo(
            today.minusDays(2)
                + ",Action,\"'=1+2, \"\"quoted\"\"; and more\",Prevention of torture,"
                + "Ministerio de Justicia,Overdue,http://localhost/workspace/PRY/assignments/"
                + assignment);
    assertThat(lines[2]).startsWith(today.plusDays(3) + ",Action,Visit the prisons,");
    assertThat(lines[3]).startsWith(today.plusDays(100) + ",Target date,Prevention of torture,");
  }

  @Test
  void theICalendarFileHoldsOneAllDayEventPerItem() throws Exception {
    MvcResult result =
        mvc.perform(
                get("/workspace/PRY/calendar.ics?lang=en")
                    .with(logins.as(DemoLogins.FOCAL_POINT_PRY)))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(result.getResponse().getContentType()).startsWith("text/calendar");
    String ics = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    String unfolded = ics.replace("\r\n ", "");
    assertThat(unfolded.split("BEGIN:VEVENT", -1)).hasSize(4);
    String basic = today.minusDays(2).format(DateTimeFormatter.BASIC_ISO_DATE);
    assertThat(unfolded)
        .contains("SUMMARY:Action: =1+2\\, \"quoted\"\\; and more\r\n")
        .contains("DTSTART;VALUE=DATE:" + basic + "\r\n")
        .contains(
            "DESCRIPTION:Recommendation or cluster: Prevention of torture\\nResponsible"
                + " institution: Ministerio de Justicia\r\n")
        .contains("URL:http://localhost/workspace/PRY/assignments/" + assignment + "\r\n")
        .doesNotContain("Hire inspectors");
  }

  private Document page(String path, String who) throws Exception {
    return Jsoup.parse(
        mvc.perform(get(path).with(logins.as(who)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
  }
}
