package org.coopera.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The drafts of Slovenia's UPR mid-term report (third cycle) over HTTP, opened as a Word document
 * and as a PDF: every recommendation of the review is there, the plan's approved actions and values
 * are, nothing unapproved is, and the summary counts are those computed here from the database.
 */
@CooperaIntegrationTest
class ReportsIT {

  static final String DRAFT = "/workspace/SVN/reports/draft";

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;

  @Test
  void theWordDraftHoldsTheReviewsRecommendationsAndOnlyApprovedProgress() throws Exception {
    MvcResult result =
        mvc.perform(
                get(DRAFT)
                    .param("review", "UPR-3")
                    .param("language", "en")
                    .param("format", "docx")
                    .with(logins.as(DemoLogins.FOCAL_POINT_SVN)))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(result.getResponse().getContentType()).contains("wordprocessingml");
    assertThat(result.getResponse().getHeader("Content-Disposition"))
        .contains("attachment", "Coopera-SVN-UPR-3-");
    String text;
    try (XWPFDocument docx =
            new XWPFDocument(
                new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
        XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
      text = extractor.getText();
      assertThat(docx.getAllPictures()).as("the chart of entries by status").isNotEmpty();
    }
    List<String> codes = cycleThreeCodes();
    assertThat(codes).hasSize(215);
    for (String code : codes) {
      assertThat(text).as(code).contains(code);
    }
    assertThat(text)
        .contains("Mid-term report", "Slovenia", "Universal Periodic Review, cycle 3")
        .contains("Amend the Criminal Code so that rape is defined by the lack of consent")
        .contains("KZ-1H")
        .contains("Roma children aged 3 to 5 enrolled in kindergarten")
        .contains("49", "53")
        .doesNotContain("eight assistants remain to be recruited")
        .doesNotContain("A draft amendment was sent to the Ministry of Finance")
        .doesNotContain("Work has started.");
  }

  @Test
  void thePdfDraftCountsTheStatusesAsTheDatabaseDoes() throws Exception {
    MvcResult result =
        mvc.perform(
                get(DRAFT)
                    .param("review", "UPR-3")
                    .param("language", "fr")
                    .param("format", "pdf")
                    .with(logins.as(DemoLogins.COORDINATOR_SVN)))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
    String text;
    try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(10);
      text = new PDFTextStripper().getText(pdf);
    }
    assertThat(text).contains("Examen périodique universel, 3e cycle", "UPR-SVN-S34-121.33");
    // the demo plan has one recommendation fully implemented and one in progress (other tests may
    // move more along); every recommendation of the review not assigned is not started
    long fully = rolledUp("FULLY_IMPLEMENTED");
    long inProgress = rolledUp("IN_PROGRESS");
    long partially = rolledUp("PARTIALLY_IMPLEMENTED");
    assertThat(fully).isPositive();
    assertThat(inProgress).isPositive();
    // the summary table, before the first entry, has a row per status with its count
    String summary = text.substring(0, text.indexOf("UPR-SVN-S34-"));
    assertThat(firstCount(summary, "Pleinement mise en œuvre")).isEqualTo(fully);
    assertThat(firstCount(summary, "En cours")).isEqualTo(inProgress);
    assertThat(firstCount(summary, "Partiellement mise en œuvre")).isEqualTo(partially);
    assertThat(firstCount(summary, "Non commencée"))
        .isEqualTo(215 - fully - inProgress - partially);
    assertThat(firstCount(summary, "Impossible à mettre en œuvre")).isZero();
  }

  @Test
  void onlyTheStatesOfficialsDraftItsReportAndABadChoiceIsRefused() throws Exception {
    for (String who :
        List.of(DemoLogins.COORDINATOR_PRY, DemoLogins.CIVIL_SOCIETY, DemoLogins.AGENCY_OFFICER)) {
      mvc.perform(get(DRAFT).param("review", "UPR-3").with(logins.as(who)))
          .andExpect(status().isForbidden());
      mvc.perform(get("/workspace/SVN/reports").with(logins.as(who)))
          .andExpect(status().isForbidden());
    }
    mvc.perform(get(DRAFT).param("review", "UPR-3")).andExpect(redirectedUrl("/login"));
    mvc.perform(get(DRAFT).param("review", "UPR-9").with(logins.as(DemoLogins.COORDINATOR_SVN)))
        .andExpect(status().isBadRequest());
    mvc.perform(
            get(DRAFT)
                .param("review", "UPR-3")
                .param("language", "xx")
                .with(logins.as(DemoLogins.COORDINATOR_SVN)))
        .andExpect(status().isBadRequest());
    String form =
        mvc.perform(
                get("/workspace/SVN/reports?lang=en").with(logins.as(DemoLogins.FOCAL_POINT_SVN)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form).contains("Universal Periodic Review, cycle 3 (215 recommendations)");
  }

  private List<String> cycleThreeCodes() {
    return jdbc.sql(
            "select code from recommendation where state_iso3 = 'SVN' and upr_cycle = 3 order by code")
        .query(String.class)
        .list();
  }

  /** Assigned recommendations of cycle 3 whose actions roll up to the status, counted in SQL. */
  private long rolledUp(String status) {
    return jdbc.sql(
            """
            select count(*) from assignment a join recommendation r on r.id = a.recommendation_id
            where r.upr_cycle = 3 and r.state_iso3 = 'SVN'
              and (case
                     when not exists (select 1 from implementation_action x where x.assignment_id = a.id)
                       then 'NOT_STARTED'
                     when not exists (select 1 from implementation_action x where x.assignment_id = a.id
                                        and x.status <> 'FULLY_IMPLEMENTED')
                       then 'FULLY_IMPLEMENTED'
                     when exists (select 1 from implementation_action x where x.assignment_id = a.id
                                    and x.status in ('FULLY_IMPLEMENTED', 'PARTIALLY_IMPLEMENTED'))
                       then 'PARTIALLY_IMPLEMENTED'
                     when exists (select 1 from implementation_action x where x.assignment_id = a.id
                                    and x.status = 'IN_PROGRESS')
                       then 'IN_PROGRESS'
                     else 'NOT_STARTED' end) = ?
            """)
        .param(status)
        .query(Long.class)
        .single();
  }

  private static long firstCount(String text, String label) {
    Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+(\\d+)").matcher(text);
    assertThat(m.find()).as(label + " with its count in: " + text).isTrue();
    return Long.parseLong(m.group(1));
  }
}
