package org.coopera.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.coopera.identity.CooperaUser;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <token>}. A token that is
 * unknown, revoked or expired is answered 401 at once, even on public endpoints, so that a client
 * learns its token no longer works. A read-only token is refused (403) on anything but GET, HEAD
 * and OPTIONS, before any controller runs.
 */
class BearerTokenFilter extends OncePerRequestFilter {

  private final ApiTokens tokens;
  private final ApiProblemResponses problems;

  BearerTokenFilter(ApiTokens tokens, ApiProblemResponses problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiTokens.TokenHolder> holder = tokens.authenticate(header.substring(7).strip());
    if (holder.isEmpty()) {
      SecurityContextHolder.clearContext();
      problems.commence(
          request, response, new BadCredentialsException("Invalid, expired or revoked token"));
      return;
    }
    if (!holder.get().scope().allows(request.getMethod())) {
      SecurityContextHolder.clearContext();
      problems.readOnlyToken(request, response);
      return;
    }
    CooperaUser user = holder.get().user();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
