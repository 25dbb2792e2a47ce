package org.coopera.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a {@link PendingSecondFactor pending} sign-in on the second-step pages: every other
 * request, public pages included, is sent back there, except signing out and the style sheets and
 * scripts those pages need. (The pending sign-in is not authenticated either, so no rule that asks
 * for a signed-in person lets it through even without this filter.)
 */
class SecondFactorGate extends OncePerRequestFilter {

  private static final List<String> OPEN =
      List.of(SecondFactorSignIn.CODE_PAGE, SecondFactorSignIn.ENROL_PAGE, "/logout", "/error");
  private static final List<String> ASSETS =
      List.of("/css/", "/js/", "/fonts/", "/images/", "/webjars/", "/favicon");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    PendingSecondFactor pending = SecondFactorSignIn.pending();
    if (pending == null || allowed(path(request))) {
      chain.doFilter(request, response);
      return;
    }
    response.sendRedirect(
        request.getContextPath()
            + (pending.enrolling() ? SecondFactorSignIn.ENROL_PAGE : SecondFactorSignIn.CODE_PAGE));
  }

  private static boolean allowed(String path) {
    return OPEN.contains(path) || ASSETS.stream().anyMatch(path::startsWith);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
