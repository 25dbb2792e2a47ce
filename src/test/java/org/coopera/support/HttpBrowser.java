package org.coopera.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client that keeps cookies as a browser does, for sign-in journeys over real HTTP
 * without a browser: forms are posted with the CSRF token of the page last read.
 */
public final class HttpBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String lastPage = "";

  public HttpBrowser(int port) {
    this.port = port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  public HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.body().contains("name=\"_csrf\"")) {
      lastPage = response.body();
    }
    return response;
  }

  /** Posts a form (name, value, name, value...) with the CSRF token of the page last read. */
  public HttpResponse<String> post(String path, String... fields) throws Exception {
    StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf(lastPage)));
    for (int i = 0; i < fields.length; i += 2) {
      form.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
    }
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.body().contains("name=\"_csrf\"")) {
      lastPage = response.body();
    }
    return response;
  }

  /**
   * Posts a multipart form (name, value, name, value...) with one file, and the CSRF token of the
   * page last read, as a browser sends an upload form.
   */
  public HttpResponse<String> upload(
      String path, String fileField, String fileName, byte[] content, String... fields)
      throws Exception {
    String boundary = "----coopera" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    StringBuilder parts = new StringBuilder();
    parts.append(part(boundary, "_csrf", csrf(lastPage)));
    for (int i = 0; i < fields.length; i += 2) {
      parts.append(part(boundary, fields[i], fields[i + 1]));
    }
    parts
        .append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"")
        .append(fileField)
        .append("\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(parts.toString().getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.body().contains("name=\"_csrf\"")) {
      lastPage = response.body();
    }
    return response;
  }

  private static String part(String boundary, String name, String value) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  /**
   * Opens the sign-in page and posts e-mail and password, then opens the page it is sent to, as a
   * browser does (signing in renews the CSRF token); the answer of the post.
   */
  public HttpResponse<String> signIn(String email, String password) throws Exception {
    get("/login");
    HttpResponse<String> answer = post("/login", "email", email, "password", password);
    String next = location(answer).replaceFirst("^https?://[^/]+", "");
    if (next.startsWith("/")) {
      get(next);
    }
    return answer;
  }

  /** The session cookie's value, or null. */
  public String session() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("SESSION"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /** Where a redirect answer sends the browser. */
  public static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("the page carries a CSRF token").isTrue();
    return m.group(1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
