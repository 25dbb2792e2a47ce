package org.coopera.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPathFactory;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The IATI 2.03 export of published projects validates against the official XSD (a copy in {@code
 * src/test/resources/iati}) and says what a reader of IATI data needs: the identifier, the
 * recipient country, sector 15160 Human rights, the budget and the results with their measured
 * values.
 */
@CooperaIntegrationTest
class IatiExportIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;

  @Test
  void aPublishedProjectIsAValidIatiActivityWithItsResults() throws Exception {
    UUID id = publishedProjectWithResults();
    String identifier =
        jdbc.sql("select iati_identifier from project where id = ?")
            .param(id)
            .query(String.class)
            .single();
    String xml = iati("/api/v1/projects/" + id + "/iati.xml");
    validate(xml);
    Document doc = parse(xml);
    assertThat(xpath(doc, "/iati-activities/@version")).isEqualTo("2.03");
    assertThat(xpath(doc, "count(//iati-activity)")).isEqualTo("1");
    assertThat(xpath(doc, "//iati-activity/iati-identifier")).isEqualTo(identifier);
    assertThat(identifier).startsWith("COOPERA-SVN-");
    assertThat(xpath(doc, "//reporting-org/@ref")).isEqualTo("COOPERA");
    assertThat(xpath(doc, "//recipient-country/@code")).isEqualTo("SI");
    assertThat(xpath(doc, "//sector/@code")).isEqualTo("15160");
    assertThat(xpath(doc, "//sector/@vocabulary")).isEqualTo("1");
    assertThat(xpath(doc, "//activity-status/@code")).isEqualTo("2");
    assertThat(xpath(doc, "//participating-org[@role='4']/narrative"))
        .contains("Office of the United Nations High Commissioner for Human Rights");
    assertThat(xpath(doc, "//budget/value")).isEqualTo("120000.00");
    assertThat(xpath(doc, "//budget/value/@currency")).isEqualTo("USD");
    assertThat(xpath(doc, "//result[@type='2']/indicator/baseline/@value")).isEqualTo("12.0000");
    assertThat(xpath(doc, "//result[@type='2']/indicator/period/target/@value"))
        .isEqualTo("60.0000");
    assertThat(xpath(doc, "//result[@type='2']/indicator/period/actual/@value"))
        .isEqualTo("35.0000");
    assertThat(xpath(doc, "count(//transaction)")).isEqualTo("0");
  }

  @Test
  void theActivityCarriesTheSdgsOfItsRecommendationsAndTheMoneyOfTheFunds() throws Exception {
    List<UUID> addressed =
        jdbc.sql(
                """
                select r.id from recommendation r
                where r.state_iso3 = 'SVN' and exists (select 1 from recommendation_tag t
                  where t.recommendation_id = r.id and t.kind = 'SDG' and t.status = 'CONFIRMED')
                order by r.code limit 3
                """)
            .query(UUID.class)
            .list();
    assertThat(addressed).as("demo recommendations of Slovenia tagged with SDGs").hasSize(3);
    ProjectFixture fixture = new ProjectFixture(jdbc);
    UUID request = fixture.request("SVN", "SUBMITTED", "OHCHR", "ACCEPTED");
    for (UUID r : addressed) {
      jdbc.sql("insert into assistance_request_recommendation values (?, ?)")
          .params(request, r)
          .update();
    }
    jdbc.sql(
            "update assistance_request set assessment_waived_at = now(), assessment_waiver = 'w'"
                + " where id = ?")
        .param(request)
        .update();
    String project =
        ProjectRulesIT.project("SDG and money", "2026-03-01", "2027-02-28")
            .replace("\"ACTIVE\"", "\"ACTIVE\", \"published\": true")
            .replace(
                "\"partners\"",
                "\"recommendations\": [\""
                    + addressed.get(0)
                    + "\", \""
                    + addressed.get(1)
                    + "\"], \"partners\"");
    UUID id =
        UUID.fromString(JsonPath.read(post("/api/v1/projects", create(request, project)), "$.id"));
    assertThat(
            jdbc.sql("select count(*) from project_recommendation where project_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(2);

    String fund = newFund();
    fundPost(
        "/api/v1/funds/" + fund + "/contributions",
        """
        {"donorState": "NOR", "amount": 100000, "currency": "NOK", "usdRate": 0.1,
         "date": "2026-02-01"}
        """);
    String allocation =
        JsonPath.read(
            fundPost(
                "/api/v1/funds/" + fund + "/allocations",
                "{\"projectId\": \"%s\", \"amountUsd\": 8000, \"date\": \"2026-03-02\","
                        .formatted(id)
                    + " \"purpose\": \"Interpreters for the courts\"}"),
            "$.id");
    fundPost(
        "/api/v1/funds/" + fund + "/allocations/" + allocation + "/disbursements",
        "{\"amountUsd\": 5000, \"date\": \"2026-04-01\"}");
    fundPost(
        "/api/v1/funds/" + fund + "/allocations/" + allocation + "/expenditures",
        "{\"amountUsd\": 1200.50, \"date\": \"2026-05-01\", \"purpose\": \"Course\"}");

    String xml = iati("/api/v1/projects/" + id + "/iati.xml");
    validate(xml);
    Document doc = parse(xml);

    List<String> tagged =
        jdbc.sql(
                """
                select distinct code from recommendation_tag
                where kind = 'SDG' and status = 'CONFIRMED' and recommendation_id in (?, ?)
                """)
            .params(addressed.get(0), addressed.get(1))
            .query(String.class)
            .list();
    java.util.Set<String> goals = new java.util.TreeSet<>();
    java.util.Set<String> targets = new java.util.TreeSet<>();
    for (String code : tagged) {
      goals.add(code.split("\\.")[0]);
      if (code.contains(".")) {
        targets.add(code);
      }
    }
    assertThat(codes(doc, "//tag[@vocabulary='2']/@code")).isEqualTo(goals);
    assertThat(codes(doc, "//tag[@vocabulary='3']/@code")).isEqualTo(targets);

    assertThat(xpath(doc, "count(//transaction)")).isEqualTo("3");
    assertThat(xpath(doc, "//transaction[transaction-type/@code='11']/value")).isEqualTo("8000.00");
    assertThat(xpath(doc, "//transaction[transaction-type/@code='11']/value/@currency"))
        .isEqualTo("USD");
    assertThat(xpath(doc, "//transaction[transaction-type/@code='11']/transaction-date/@iso-date"))
        .isEqualTo("2026-03-02");
    assertThat(xpath(doc, "//transaction[transaction-type/@code='11']/provider-org/narrative"))
        .isEqualTo("Test line " + fund);
    assertThat(xpath(doc, "//transaction[transaction-type/@code='11']/description/narrative"))
        .isEqualTo("Interpreters for the courts");
    assertThat(xpath(doc, "//transaction[transaction-type/@code='1']/value")).isEqualTo("5000.00");
    assertThat(xpath(doc, "//transaction[transaction-type/@code='4']/value")).isEqualTo("1200.50");
    assertThat(xpath(doc, "count(//transaction[transaction-type/@code='4']/provider-org)"))
        .isEqualTo("0");
  }

  @Test
  void thePublisherFileHoldsEveryPublishedProjectAndNoOther() throws Exception {
    UUID published = publishedProjectWithResults();
    UUID hidden = publishedProjectWithResults();
    jdbc.sql("update project set published = false where id = ?").param(hidden).update();
    String xml = iati("/api/v1/projects/iati.xml");
    validate(xml);
    Document doc = parse(xml);
    List<String> identifiers =
        jdbc.sql("select iati_identifier from project where id in (?, ?) order by published desc")
            .params(published, hidden)
            .query(String.class)
            .list();
    assertThat(xml).contains(identifiers.get(0)).doesNotContain(identifiers.get(1));
    assertThat(xpath(doc, "count(//iati-activity)"))
        .isEqualTo(
            jdbc.sql("select count(*) from project where published")
                .query(Long.class)
                .single()
                .toString());
    mvc.perform(get("/api/v1/projects/" + hidden + "/iati.xml")).andExpect(status().isNotFound());
  }

  UUID publishedProjectWithResults() throws Exception {
    ProjectFixture fixture = new ProjectFixture(jdbc);
    UUID request = fixture.request("SVN", "SUBMITTED", "OHCHR", "ACCEPTED");
    jdbc.sql(
            "update assistance_request set assessment_waived_at = now(), assessment_waiver = 'w'"
                + " where id = ?")
        .param(request)
        .update();
    String body =
        post(
            "/api/v1/projects",
            ProjectRulesIT.create(
                request,
                ProjectRulesIT.project("Roma inclusion & <access>", "2026-03-01", "2027-02-28")
                    .replace("\"ACTIVE\"", "\"ACTIVE\", \"published\": true")));
    UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
    String result =
        post(
            "/api/v1/projects/" + id + "/results",
            """
            {"level": "OUTCOME", "title": "Roma families reach legal aid",
             "indicators": [{"title": "Share of Roma settlements with legal aid", "unit": "%",
               "baseline": 12, "baselineDate": "2026-01-01", "target": 60,
               "targetDate": "2027-02-28"}]}
            """);
    UUID resultId = UUID.fromString(JsonPath.read(result, "$.id"));
    UUID indicator =
        jdbc.sql("select id from project_indicator where result_id = ?")
            .param(resultId)
            .query(UUID.class)
            .single();
    post(
        "/api/v1/projects/" + id + "/indicators/" + indicator + "/values",
        "{\"periodStart\": \"2026-03-01\", \"periodEnd\": \"2026-08-31\", \"actual\": 35}");
    return id;
  }

  static String create(UUID request, String project) {
    return ProjectRulesIT.create(request, project);
  }

  static java.util.Set<String> codes(Document doc, String expression) throws Exception {
    var nodes =
        (org.w3c.dom.NodeList)
            XPathFactory.newInstance()
                .newXPath()
                .evaluate(expression, doc, javax.xml.xpath.XPathConstants.NODESET);
    java.util.Set<String> found = new java.util.TreeSet<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add(nodes.item(i).getNodeValue());
    }
    return found;
  }

  String newFund() throws Exception {
    String code =
        "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    fundPost(
        "/api/v1/funds",
        "{\"code\": \"%s\", \"name\": \"Test line %s\", \"kind\": \"BILATERAL\"}"
            .formatted(code, code));
    return code;
  }

  String fundPost(String path, String json) throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .with(logins.as(DemoLogins.FUND_MANAGER)))
        .andExpect(status().isCreated())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  String post(String path, String json) throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  String iati(String path) throws Exception {
    return mvc.perform(get(path))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  static void validate(String xml) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
    URL xsd = IatiExportIT.class.getResource("/iati/iati-activities-schema.xsd");
    Schema schema = factory.newSchema(xsd);
    Validator validator = schema.newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    validator.validate(new StreamSource(new StringReader(xml)));
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  static String xpath(Document doc, String expression) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(expression, doc);
  }
}
