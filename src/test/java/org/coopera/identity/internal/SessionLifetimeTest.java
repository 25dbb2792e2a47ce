package org.coopera.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** A session ends once older than its absolute lifetime, however active it was. */
class SessionLifetimeTest {

  private static final Duration LIFETIME = Duration.ofMinutes(2);

  @Test
  void aSessionYoungerThanTheLifetimeGoesOn() throws Exception {
    MockHttpSession session = new MockHttpSession();
    MockHttpServletResponse response = run(session, Duration.ofMinutes(1));
    assertThat(session.isInvalid()).isFalse();
    assertThat(response.getRedirectedUrl()).isNull();
  }

  @Test
  void aSessionOlderThanTheLifetimeEndsAndThePersonSignsInAgain() throws Exception {
    MockHttpSession session = new MockHttpSession();
    MockHttpServletResponse response = run(session, LIFETIME.plusSeconds(1));
    assertThat(session.isInvalid()).isTrue();
    assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
  }

  @Test
  void aRequestWithoutSessionIsLeftAlone() throws Exception {
    MockFilterChain chain = new MockFilterChain();
    MockHttpServletResponse response = new MockHttpServletResponse();
    new SessionLifetime(LIFETIME, Clock.systemUTC())
        .doFilter(new MockHttpServletRequest("GET", "/"), response, chain);
    assertThat(chain.getRequest()).isNotNull();
  }

  private static MockHttpServletResponse run(MockHttpSession session, Duration age)
      throws Exception {
    Clock later =
        Clock.fixed(Instant.ofEpochMilli(session.getCreationTime()).plus(age), ZoneOffset.UTC);
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/profile");
    request.setSession(session);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    new SessionLifetime(LIFETIME, later).doFilter(request, response, chain);
    assertThat(chain.getRequest() != null).isEqualTo(response.getRedirectedUrl() == null);
    return response;
  }
}
