package org.coopera.platform.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Fetches pages of the application through MockMvc (the whole filter chain, security included) as
 * one of the demo accounts or anonymously: every GET route with its path variables filled, then the
 * links found on those pages, up to a bound.
 */
final class Crawler {

  /** One response of the crawl. */
  record Page(String who, String url, int status, String contentType, String body) {

    boolean html() {
      return contentType != null && contentType.startsWith("text/html");
    }

    boolean json() {
      return contentType != null
          && (contentType.startsWith("application/json")
              || contentType.startsWith("application/problem+json"));
    }

    boolean xml() {
      return contentType != null
          && (contentType.startsWith("application/xml")
              || contentType.startsWith("text/xml")
              || contentType.contains("+xml"));
    }
  }

  private final MockMvc mvc;
  private final DemoLogins logins;

  Crawler(MockMvc mvc, DemoLogins logins) {
    this.mvc = mvc;
    this.logins = logins;
  }

  /** One GET of a path (with its query, already encoded) as the account given, null: anonymous. */
  Page fetch(String who, String url) {
    return fetch(who, url, Map.of());
  }

  Page fetch(String who, String url, Map<String, String> headers) {
    MockHttpServletRequestBuilder request = get(URI.create(url));
    request.header("Accept", url.startsWith("/api/") ? "application/json, */*" : "text/html, */*");
    headers.forEach(request::header);
    if (who != null) {
      request.with(logins.as(who));
    }
    try {
      MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
      String body =
          isText(r.getContentType())
              ? new String(r.getContentAsByteArray(), StandardCharsets.UTF_8)
              : "";
      String location = r.getRedirectedUrl();
      if (location != null && r.getStatus() / 100 == 3) {
        body = "<a href=\"" + location.replace("\"", "%22") + "\">redirect</a>";
        return new Page(who, url, r.getStatus(), "text/html;redirect", body);
      }
      return new Page(who, url, r.getStatus(), r.getContentType(), body);
    } catch (Exception e) {
      // an exception that MockMvc lets out is what a real server answers with a 500
      return new Page(who, url, 500, "exception", String.valueOf(e));
    }
  }

  private static boolean isText(String type) {
    return type == null
        || type.startsWith("text/")
        || type.contains("json")
        || type.contains("xml")
        || type.contains("csv");
  }

  /**
   * Crawls as one account: every route given (paths already filled), then the local links of the
   * pages, breadth first, until {@code limit} pages were fetched. Each page is handed to {@code
   * check}.
   */
  int crawl(String who, List<String> start, int limit, Consumer<Page> check) {
    Deque<String> queue = new ArrayDeque<>(start);
    Set<String> seen = new LinkedHashSet<>(start);
    Map<String, Integer> shapes = new HashMap<>();
    int fetched = 0;
    while (!queue.isEmpty() && fetched < limit) {
      String url = queue.poll();
      Page page = fetch(who, url);
      fetched++;
      check.accept(page);
      if (page.html()) {
        for (String link : links(Jsoup.parse(page.body(), "http://localhost" + url))) {
          if (shapes.merge(shape(link), 1, Integer::sum) <= 2 && seen.add(link)) {
            queue.add(link);
          }
        }
      }
    }
    return fetched;
  }

  /**
   * What a link is an instance of: its path with ids and numbers blanked and its query reduced to
   * the names of its parameters. The crawl follows two links of each shape, which spends its bound
   * on different pages rather than on every recommendation of a list.
   */
  static String shape(String link) {
    int q = link.indexOf('?');
    String path = q < 0 ? link : link.substring(0, q);
    String query = q < 0 ? "" : link.substring(q + 1).replaceAll("=[^&]*", "");
    return path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{uuid}").replaceAll("\\d+", "{n}")
        + "?"
        + query;
  }

  /** The local links of a page, as paths with their queries; static files and sign-out left out. */
  static List<String> links(Document document) {
    List<String> out = new ArrayList<>();
    for (Element a : document.select("a[href]")) {
      localPath(a.absUrl("href")).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<String> localPath(String absolute) {
    if (!absolute.startsWith("http://localhost/")) {
      return Optional.empty();
    }
    String path = absolute.substring("http://localhost".length());
    int hash = path.indexOf('#');
    if (hash >= 0) {
      path = path.substring(0, hash);
    }
    if (path.startsWith("/css/")
        || path.startsWith("/js/")
        || path.startsWith("/webjars/")
        || path.startsWith("/logout")
        || path.startsWith("/swagger")
        || path.startsWith("/v3/")) {
      return Optional.empty();
    }
    try {
      URI.create(path);
      return Optional.of(path);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
