package org.coopera.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** A read-only API token reads, and is refused on every API route that changes something. */
@CooperaIntegrationTest
class TokenScopeIT {

  @Autowired MockMvc mvc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void aReadOnlyTokenIsRefusedOnEveryApiRouteThatChangesSomething() throws Exception {
    String readOnly = token(null);
    List<String> checked = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      if (info.getPathPatternsCondition() == null) {
        continue;
      }
      for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
          if (method == RequestMethod.GET
              || method == RequestMethod.HEAD
              || method == RequestMethod.OPTIONS) {
            continue;
          }
          String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
          mvc.perform(
                  request(HttpMethod.valueOf(method.name()), path)
                      .header("Authorization", "Bearer " + readOnly)
                      .contentType(MediaType.APPLICATION_JSON)
                      .content("{}"))
              .andExpect(status().isForbidden())
              .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
              .andExpect(jsonPath("$.code").value("read-only-token"))
              .andExpect(
                  jsonPath("$.detail")
                      .value(org.hamcrest.Matchers.containsString("This token is read-only")));
          checked.add(method + " " + pattern);
        }
      }
    }
    assertThat(checked)
        .as("the API's routes that change something, all refused")
        .contains("DELETE /api/v1/tokens/{id}")
        .hasSizeGreaterThan(5);

    mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + readOnly))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].scope").value("READ"));
  }

  @Test
  void aReadWriteTokenMayChangeWhatItsOwnerMay() throws Exception {
    String readWrite = token("read-write");
    mvc.perform(
            delete("/api/v1/tokens/" + UUID.randomUUID())
                .header("Authorization", "Bearer " + readWrite))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"email\":\""
                        + DemoLogins.TRAINER
                        + "\",\"password\":\""
                        + DemoLogins.PASSWORD
                        + "\",\"scope\":\"everything\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("read-write")));
  }

  private String token(String scope) throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/tokens")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"email\":\""
                            + DemoLogins.TRAINER
                            + "\",\"password\":\""
                            + DemoLogins.PASSWORD
                            + "\",\"name\":\"scope test\""
                            + (scope == null ? "" : ",\"scope\":\"" + scope + "\"")
                            + "}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.scope").value(scope == null ? "read" : scope))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
  }
}
