package org.coopera.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The registry's pages as people use them: the import form through the preview to the applied
 * import, the template and its guide, the State profile's recommendations with their tables, the
 * search page's partial update, and who may open what.
 */
@CooperaIntegrationTest
class RegistryPagesIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;

  private Document page(String path, String as) throws Exception {
    var request = get(path);
    if (as != null) {
      request.with(logins.as(as));
    }
    return Jsoup.parse(
        mvc.perform(request)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
  }

  @Test
  void aCoordinatorUploadsReadsThePreviewAndAppliesTheImport() throws Exception {
    String csv =
        "state_under_review,mechanism,session,text,recommending_states,response\r\n"
            + "PRY,UPR,24,Strengthen the Ombudsman's office with an adequate budget (RegistryPagesIT),Uruguay,supported\r\n"
            + "PRY,UPR,24,Adopt a law on the prevention of torture (RegistryPagesIT),,noted\r\n";
    String location =
        mvc.perform(
                multipart("/registry/imports")
                    .file(
                        new MockMultipartFile(
                            "file", "pry.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                    .with(logins.as(DemoLogins.COORDINATOR_PRY))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/registry/imports/");
    Document preview = page(location, DemoLogins.COORDINATOR_PRY);
    assertThat(preview.select("dl").text()).contains("2");
    assertThat(preview.select("form[action$=/apply] button").text()).contains("2");

    mvc.perform(post(location + "/apply").with(logins.as(DemoLogins.COORDINATOR_PRY)).with(csrf()))
        .andExpect(status().is3xxRedirection());
    Document applied = null;
    for (int i = 0; i < 100; i++) {
      applied = page(location, DemoLogins.COORDINATOR_PRY);
      if (applied.select("form[action$=/apply]").isEmpty()
          && applied.select("progress").isEmpty()) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(applied.select(".alert-success").text()).contains("2");
    Document list = page("/registry/imports", DemoLogins.COORDINATOR_PRY);
    assertThat(list.select("table tbody tr").text()).contains("pry.csv");
  }

  @Test
  void aFileWithProblemsShowsEachWithItsRowAndOffersTheMapping() throws Exception {
    String csv =
        "state_under_review,mechanism,session,text,response\r\n"
            + "Paraguay,UPR,24,,supported\r\n"
            + "Paraguey (RegistryPagesIT),UPR,24,Ratify the Escazú Agreement,supported\r\n";
    String location =
        mvc.perform(
                multipart("/registry/imports")
                    .file(
                        new MockMultipartFile(
                            "file", "bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                    .with(logins.as(DemoLogins.ADMIN))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    Document preview = page(location, DemoLogins.ADMIN);
    assertThat(preview.select("form[action$=/apply]")).isEmpty();
    assertThat(preview.select("#problems-heading + table tbody tr td:first-child").eachText())
        .containsExactly("2", "3");
    assertThat(preview.select("form[action$=/mappings] input[name=name]").attr("value"))
        .isEqualTo("Paraguey (RegistryPagesIT)");
    assertThat(
            preview
                .select("form[action$=/mappings] optgroup")
                .first()
                .select("option")
                .eachAttr("value"))
        .contains("PRY");
  }

  @Test
  void theTemplateAndItsGuideAreThereForImporters() throws Exception {
    Document guide = page("/registry/imports/template", DemoLogins.ADMIN);
    assertThat(guide.select("table tbody tr")).hasSizeGreaterThanOrEqualTo(17);
    String csv =
        mvc.perform(get("/registry/imports/template.csv").with(logins.as(DemoLogins.ADMIN)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv).contains("state_under_review").contains("text");
    byte[] xlsx =
        mvc.perform(get("/registry/imports/template.xlsx").with(logins.as(DemoLogins.ADMIN)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue())
          .isEqualTo("state_under_review");
    }
  }

  @Test
  void importPagesAreForAdministratorsAndCoordinatorsOnly() throws Exception {
    mvc.perform(get("/registry/imports")).andExpect(status().is3xxRedirection());
    for (String email :
        new String[] {DemoLogins.FOCAL_POINT_PRY, DemoLogins.DONOR, DemoLogins.TRAINER}) {
      mvc.perform(get("/registry/imports").with(logins.as(email)))
          .andExpect(status().isForbidden());
    }
  }

  @Test
  void theStateProfileShowsItsRecommendationsAsChartsWithTheirTables() throws Exception {
    Document slovenia = page("/states/SVN", null);
    assertThat(slovenia.select("table#rec-received tbody tr")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(slovenia.select("table#rec-received tfoot").text()).contains("378");
    assertThat(slovenia.select("[data-chart-for=rec-received]")).hasSize(1);
    Document france = page("/states/FRA", null);
    assertThat(france.select("table#rec-made tbody tr")).isNotEmpty();
  }

  @Test
  void theSearchPageAnswersHtmxWithTheSearchAreaAndAnEmptySearchSaysSo() throws Exception {
    String fragment =
        mvc.perform(get("/recommendations").param("response", "noted").header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(Jsoup.parse(fragment).select("#search-area")).hasSize(1);
    Document none = page("/recommendations?q=zzzyqqxnotaword", null);
    assertThat(none.select("#results .alert-info")).hasSize(1);
    Document french = page("/recommendations?lang=fr&q=torture", null);
    assertThat(french.select("[role=status]").text()).contains("recommandation");
  }
}
