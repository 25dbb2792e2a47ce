package org.coopera.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The resource library: managers describe, upload and publish; the text of PDF and Word files is
 * extracted and found by the catalogue's search, the latest version of each language only; wrong,
 * oversized or active files are refused with the reason and leave nothing behind; the public sees
 * published resources only.
 */
@CooperaIntegrationTest
class LibraryIT {

  static final String API = "/api/v1/capacity/resources";

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;

  @Test
  void theTextOfPdfAndWordFilesIsFoundOnceTheResourceIsPublished() throws Exception {
    String pdfWord = word("pdfword");
    String docxWord = word("docxmot");
    String titleWord = word("titleword");
    UUID id = create("Treaty reporting manual " + titleWord, DemoLogins.TRAINER);
    String uploaded =
        body(
            upload(
                    id,
                    "en",
                    new MockMultipartFile(
                        "file",
                        "manual.pdf",
                        "application/pdf",
                        pdf("Chapter one on the common core document", "The " + pdfWord + " list")),
                    DemoLogins.TRAINER)
                .andExpect(status().isCreated()));
    assertThat(JsonPath.<Integer>read(uploaded, "$.versionNo")).isEqualTo(1);
    assertThat(JsonPath.<Integer>read(uploaded, "$.pages")).isEqualTo(2);
    upload(
            id,
            "fr",
            new MockMultipartFile(
                "file",
                "manuel.docx",
                "application/octet-stream",
                docx("Le rapport initial et le " + docxWord + " du comité")),
            DemoLogins.TRAINER)
        .andExpect(status().isCreated());

    // not yet published: the public finds nothing, a manager finds it
    assertThat(total(search("q=" + pdfWord, null))).isZero();
    assertThat(total(search("q=" + pdfWord, DemoLogins.AGENCY_OFFICER))).isEqualTo(1);
    mvc.perform(get(API + "/" + id)).andExpect(status().isNotFound());
    mvc.perform(get("/capacity/library/" + id)).andExpect(status().isNotFound());

    publish(id, true, DemoLogins.TRAINER);
    String hit = search("q=" + pdfWord, null);
    assertThat(total(hit)).isEqualTo(1);
    assertThat(JsonPath.<String>read(hit, "$.items[0].id")).isEqualTo(id.toString());
    assertThat(JsonPath.<String>read(hit, "$.items[0].snippet"))
        .contains("<mark>" + pdfWord + "</mark>");
    assertThat(JsonPath.<List<String>>read(hit, "$.items[0].languages"))
        .containsExactly("en", "fr");
    assertThat(total(search("q=" + docxWord, null))).isEqualTo(1);
    assertThat(total(search("q=" + titleWord, null))).isEqualTo(1);
    assertThat(total(search("q=" + docxWord + "&language=fr", null))).isEqualTo(1);
    assertThat(total(search("q=" + docxWord + "&language=ru", null))).isZero();
    assertThat(total(search("q=" + word("nowhere"), null))).isZero();

    Document page = Jsoup.parse(body(mvc.perform(get("/capacity/library?lang=en&q=" + pdfWord))));
    assertThat(page.select("#resources li")).hasSize(1);
    assertThat(page.select("#resources mark").text()).isEqualTo(pdfWord);
    assertThat(page.select("#result-count").text()).isEqualTo("1 resource found");
    Document resource = Jsoup.parse(body(mvc.perform(get("/capacity/library/" + id + "?lang=en"))));
    assertThat(resource.select("#files tbody tr")).hasSize(2);
    assertThat(resource.select("#upload-form")).isEmpty();
    String download = resource.select("#files a").first().attr("href");
    byte[] file =
        mvc.perform(get(download))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(file, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  void aNewUploadOfALanguageIsItsNextVersionAndOnlyTheLatestIsSearched() throws Exception {
    String old = word("oldtext");
    String fresh = word("newtext");
    UUID id = create("Facilitator guide", DemoLogins.AGENCY_OFFICER);
    upload(id, "en", pdfFile("v1.pdf", old), DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isCreated());
    String second =
        body(
            upload(id, "en", pdfFile("v2.pdf", fresh), DemoLogins.AGENCY_OFFICER)
                .andExpect(status().isCreated()));
    assertThat(JsonPath.<Integer>read(second, "$.versionNo")).isEqualTo(2);
    publish(id, true, DemoLogins.AGENCY_OFFICER);
    assertThat(total(search("q=" + fresh, null))).isEqualTo(1);
    assertThat(total(search("q=" + old, null))).as("an earlier version").isZero();
    String json = body(mvc.perform(get(API + "/" + id)).andExpect(status().isOk()));
    assertThat(JsonPath.<List<Integer>>read(json, "$.files[*].versionNo")).containsExactly(2, 1);
    assertThat(JsonPath.<List<Boolean>>read(json, "$.files[*].current"))
        .containsExactly(true, false);
    String earlier = JsonPath.read(json, "$.files[1].id");
    // a stored file is sent as an attachment, sandboxed, never sniffed and never cached
    mvc.perform(get(API + "/" + id + "/files/" + earlier))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Security-Policy", "sandbox"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Content-Disposition", startsWith("attachment;")))
        .andExpect(header().string("Cache-Control", containsString("no-store")));
  }

  @Test
  void wrongOversizedOrActiveFilesAreRefusedWithTheReasonAndLeaveNothing() throws Exception {
    UUID id = create("Refusals", DemoLogins.TRAINER);
    long files = count("select count(*) from stored_file");
    long versions = count("select count(*) from library_file");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};
    byte[] tooLarge = new byte[21 * 1024 * 1024];
    System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, tooLarge, 0, 8);
    List<Object[]> cases =
        List.of(
            new Object[] {
              "en",
              new MockMultipartFile("file", "photo.png", "image/png", png),
              "Only PDF and Word (DOCX) files are kept in the library"
            },
            new Object[] {
              "en",
              new MockMultipartFile(
                  "file",
                  "notes.txt",
                  "text/plain",
                  "plain notes".getBytes(StandardCharsets.UTF_8)),
              "Only PDF and Word (DOCX) files are kept in the library"
            },
            new Object[] {
              "en",
              new MockMultipartFile(
                  "file", "tool.exe", "application/octet-stream", "MZ\0\0x".getBytes()),
              ""
            },
            new Object[] {
              "en",
              new MockMultipartFile("file", "script.pdf", "application/pdf", activePdf()),
              "script.pdf cannot be attached: it carries content that runs when it is opened"
            },
            new Object[] {
              "en",
              new MockMultipartFile("file", "macros.docx", "application/octet-stream", macroDocx()),
              "macros.docx cannot be attached: it carries content that runs when it is opened"
            },
            new Object[] {
              "en",
              new MockMultipartFile(
                  "file", "broken.pdf", "application/pdf", "%PDF-1.4 not really".getBytes()),
              "cannot be read as a PDF or Word document"
            },
            new Object[] {
              "en",
              new MockMultipartFile("file", "huge.pdf", "application/pdf", tooLarge),
              "The file is larger than 20 MB."
            },
            new Object[] {
              "en",
              new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0]),
              "Choose a file to upload."
            },
            new Object[] {
              "xx",
              new MockMultipartFile("file", "ok.pdf", "application/pdf", pdf("fine")),
              "Choose one of the six languages"
            });
    for (Object[] c : cases) {
      MockMultipartFile file = (MockMultipartFile) c[1];
      String problem =
          body(
              upload(id, (String) c[0], file, DemoLogins.TRAINER)
                  .andExpect(status().isBadRequest()));
      assertThat(JsonPath.<String>read(problem, "$.detail"))
          .as(file.getOriginalFilename())
          .contains((String) c[2]);
    }
    assertThat(count("select count(*) from stored_file")).isEqualTo(files);
    assertThat(count("select count(*) from library_file")).isEqualTo(versions);

    // and on the page, with the reason tied to the field and the note kept
    Document page =
        Jsoup.parse(
            body(
                mvc.perform(
                        multipart("/capacity/library/" + id + "/files?lang=en")
                            .file(
                                new MockMultipartFile(
                                    "file", "script.pdf", "application/pdf", activePdf()))
                            .param("language", "en")
                            .param("note", "Typed note")
                            .with(logins.as(DemoLogins.TRAINER))
                            .with(csrf()))
                    .andExpect(status().isBadRequest())));
    assertThat(page.select("#upload-error").text())
        .startsWith(
            "script.pdf cannot be attached: it carries content that runs when it is opened");
    assertThat(page.select("#up-file").attr("aria-describedby")).contains("upload-error");
    assertThat(page.select("#up-note").val()).isEqualTo("Typed note");
    // a resource without a file cannot be published
    mvc.perform(
            post(API + "/" + id + "/publication")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"published\": true, \"version\": " + version(id) + "}")
                .with(logins.as(DemoLogins.TRAINER)))
        .andExpect(status().isBadRequest());
  }

  @Test
  void onlyAdministratorsAgencyOfficersAndTrainersManageTheLibrary() throws Exception {
    UUID id = create("Permissions", DemoLogins.ADMIN);
    for (String who :
        List.of(
            DemoLogins.COORDINATOR_SVN,
            DemoLogins.FOCAL_POINT_PRY,
            DemoLogins.DONOR,
            DemoLogins.FUND_MANAGER,
            DemoLogins.CIVIL_SOCIETY)) {
      mvc.perform(
              post(API)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"title\": \"Nope\", \"kind\": \"GUIDE\", \"audience\": \"EVERYONE\"}")
                  .with(logins.as(who)))
          .andExpect(status().isForbidden());
      upload(id, "en", pdfFile("x.pdf", "nope"), who).andExpect(status().isForbidden());
      mvc.perform(get("/capacity/library/new").with(logins.as(who)))
          .andExpect(status().isForbidden());
      mvc.perform(get(API + "/" + id).with(logins.as(who))).andExpect(status().isNotFound());
    }
    mvc.perform(get("/capacity/library/new")).andExpect(status().is3xxRedirection());
    assertThat(count("select count(*) from library_resource where title = 'Nope'")).isZero();
  }

  @Test
  void aStaleEditIsRefusedAndTheTypedTextKept() throws Exception {
    UUID id = create("Stale", DemoLogins.TRAINER);
    long version = version(id);
    String change =
        "{\"title\": \"Changed\", \"kind\": \"GUIDE\", \"audience\": \"TRAINERS\", \"version\": %d}";
    mvc.perform(
            put(API + "/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .content(change.formatted(version))
                .with(logins.as(DemoLogins.TRAINER)))
        .andExpect(status().isOk());
    String stale =
        body(
            mvc.perform(
                    put(API + "/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.replace("Changed", "Lost").formatted(version))
                        .with(logins.as(DemoLogins.TRAINER)))
                .andExpect(status().isConflict()));
    assertThat(JsonPath.<String>read(stale, "$.current.title")).isEqualTo("Changed");
    Document page =
        Jsoup.parse(
            body(
                mvc.perform(
                        post("/capacity/library/" + id + "?lang=en")
                            .param("version", String.valueOf(version))
                            .param("title", "Typed title")
                            .param("kind", "GUIDE")
                            .param("audience", "TRAINERS")
                            .with(logins.as(DemoLogins.TRAINER))
                            .with(csrf()))
                    .andExpect(status().isConflict())));
    assertThat(page.text()).contains("Someone changed this resource meanwhile", "Typed title");
    assertThat(page.select("#title").val()).isEqualTo("Changed");
    // bad input on the page keeps what was typed
    Document bad =
        Jsoup.parse(
            body(
                mvc.perform(
                        post("/capacity/library?lang=en")
                            .param("title", " ")
                            .param("summary", "Typed summary")
                            .param("kind", "GUIDE")
                            .param("audience", "TRAINERS")
                            .with(logins.as(DemoLogins.TRAINER))
                            .with(csrf()))
                    .andExpect(status().isBadRequest())));
    assertThat(bad.select("#form-error").text()).isEqualTo("Give the resource a title.");
    assertThat(bad.select("#summary").text()).isEqualTo("Typed summary");
  }

  @Test
  void whatAFileSaysIsEscapedInTheSnippet() throws Exception {
    String marker = word("escaped");
    UUID id = create("Escaping", DemoLogins.TRAINER);
    upload(
            id,
            "en",
            pdfFile("x.pdf", marker + " rights & duties <script>alert(1)</script> <b>bold</b>"),
            DemoLogins.TRAINER)
        .andExpect(status().isCreated());
    publish(id, true, DemoLogins.TRAINER);
    String html = body(mvc.perform(get("/capacity/library?q=" + marker)));
    assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<b>bold</b>");
    Document page = Jsoup.parse(html);
    assertThat(page.select(".snippet *")).allMatch(e -> e.tagName().equals("mark"));
    assertThat(page.select(".snippet").text()).contains(marker, "rights & duties");
  }

  @Test
  void theDemoLibraryHoldsTheProgrammesPublicationsInPublic() throws Exception {
    String found = search("q=" + "secretariat", null);
    assertThat(JsonPath.<List<String>>read(found, "$.items[*].title"))
        .contains("National mechanisms for reporting and follow-up: a practical guide (demo)");
    assertThat(total(search("q=" + "ministères&language=fr", null))).isGreaterThanOrEqualTo(1);
    assertThat(total(search("treaty=crpd", null))).isGreaterThanOrEqualTo(1);
    // the guide in preparation is not published
    assertThat(total(search("treaty=iccpr&q=outline", null))).isZero();
    assertThat(
            count(
                "select count(*) from library_resource where title like '%(demo)'"
                    + " and title like 'Trainer''s guide on the International Covenant%'"))
        .isEqualTo(1);
  }

  // helpers

  static String word(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  UUID create(String title, String who) throws Exception {
    String json =
        body(
            mvc.perform(
                    post(API)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            "{\"title\": \"%s\", \"kind\": \"MANUAL\", \"audience\":"
                                    .formatted(title)
                                + " \"STATE_OFFICIALS\", \"summary\": \"A summary\"}")
                        .with(logins.as(who)))
                .andExpect(status().isCreated()));
    return UUID.fromString(JsonPath.read(json, "$.id"));
  }

  ResultActions upload(UUID id, String language, MockMultipartFile file, String who)
      throws Exception {
    return mvc.perform(
        multipart(API + "/" + id + "/files")
            .file(file)
            .param("language", language)
            .header("Accept-Language", "en")
            .with(logins.as(who)));
  }

  void publish(UUID id, boolean published, String who) throws Exception {
    mvc.perform(
            post(API + "/" + id + "/publication")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"published\": " + published + ", \"version\": " + version(id) + "}")
                .with(logins.as(who)))
        .andExpect(status().isOk());
  }

  long version(UUID id) {
    return count("select version from library_resource where id = ?", id);
  }

  String search(String query, String who) throws Exception {
    var request = get(API + "?" + query);
    return body(
        mvc.perform(who == null ? request : request.with(logins.as(who)))
            .andExpect(status().isOk()));
  }

  static int total(String json) {
    return JsonPath.<Integer>read(json, "$.total");
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  static MockMultipartFile pdfFile(String name, String text) throws Exception {
    return new MockMultipartFile("file", name, "application/pdf", pdf(text));
  }

  /** A PDF with one page per text. */
  static byte[] pdf(String... pages) throws Exception {
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (String text : pages) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 12);
          content.newLineAtOffset(72, 700);
          content.showText(text);
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  static byte[] activePdf() throws Exception {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  static byte[] docx(String text) throws Exception {
    try (XWPFDocument document = new XWPFDocument()) {
      document.createParagraph().createRun().setText(text);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.write(out);
      return out.toByteArray();
    }
  }

  /** A Word document with a VBA project part, as a macro-enabled file carries. */
  static byte[] macroDocx() throws Exception {
    byte[] plain = docx("Harmless text");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(in.readAllBytes());
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("word/vbaProject.bin"));
      zip.write(new byte[] {1, 2, 3, 4});
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
