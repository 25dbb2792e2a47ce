package org.coopera.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session, however active, once it is older than the absolute lifetime ({@code
 * coopera.session.absolute-timeout}, 12 hours unless configured): a stolen session cookie stops
 * working within a working day even if it is kept busy. The idle timeout ({@code
 * server.servlet.session.timeout}) is Spring Session's. A session that has signed in is counted
 * from its creation, which is at most the sign-in (the id changes at sign-in, the session stays).
 * The person is sent to sign in again, with the "session ended" message.
 */
class SessionLifetime extends OncePerRequestFilter {

  private final Duration lifetime;
  private final Clock clock;

  SessionLifetime(Duration lifetime, Clock clock) {
    this.lifetime = lifetime;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && expired(session)) {
      session.invalidate();
      SecurityContextHolder.clearContext();
      response.sendRedirect(request.getContextPath() + "/login?expired");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean expired(HttpSession session) {
    try {
      Instant created = Instant.ofEpochMilli(session.getCreationTime());
      return clock.instant().isAfter(created.plus(lifetime));
    } catch (IllegalStateException alreadyInvalidated) {
      return false;
    }
  }
}
