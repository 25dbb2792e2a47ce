package org.coopera.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.internal.AccountException;
import org.coopera.identity.internal.ApiTokens;
import org.coopera.identity.internal.LoginThrottle;
import org.coopera.identity.internal.TokenScope;
import org.coopera.identity.internal.TwoFactor;
import org.coopera.platform.ApiProblems;
import org.coopera.platform.InvalidParameterException;
import org.coopera.platform.ListPage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Personal API tokens over the API: obtain one with e-mail and password, list, revoke. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens")
class TokenApiController {

  private final AuthenticationManager authentication;
  private final ApiTokens tokens;
  private final MessageSource messages;
  private final ApiProblems problems;
  private final TwoFactor twoFactor;
  private final LoginThrottle throttle;
  private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

  TokenApiController(
      AuthenticationManager authentication,
      ApiTokens tokens,
      MessageSource messages,
      ApiProblems problems,
      TwoFactor twoFactor,
      LoginThrottle throttle) {
    this.authentication = authentication;
    this.tokens = tokens;
    this.messages = messages;
    this.problems = problems;
    this.twoFactor = twoFactor;
    this.throttle = throttle;
  }

  /**
   * {@code code}: the one-time code of the person's authenticator, if they have a second factor.
   */
  record TokenRequest(
      String email, String password, String code, String name, Integer days, String scope) {}

  record TokenResponse(String token, UUID id, String name, String scope) {}

  @PostMapping
  @Operation(
      summary =
          "Obtain a personal API token with e-mail, password and, for those with a second factor,"
              + " the code of their authenticator")
  ResponseEntity<?> create(@RequestBody TokenRequest request, HttpServletRequest http) {
    if (request.email() == null || request.email().isBlank()) {
      throw new InvalidParameterException("email", "parameter.error.missing", "email");
    }
    if (request.password() == null || request.password().isEmpty()) {
      throw new InvalidParameterException("password", "parameter.error.missing", "password");
    }
    if (request.days() != null && (request.days() < 0 || request.days() > 3650)) {
      throw new InvalidParameterException("days", "tokens.error.days", 3650);
    }
    TokenScope scope;
    try {
      scope = TokenScope.parse(request.scope());
    } catch (AccountException e) {
      throw new InvalidParameterException("scope", e.messageKey(), e.arguments());
    }
    Authentication result;
    try {
      UsernamePasswordAuthenticationToken attempt =
          UsernamePasswordAuthenticationToken.unauthenticated(
              request.email().strip(), request.password());
      attempt.setDetails(details.buildDetails(http));
      result = authentication.authenticate(attempt);
    } catch (AuthenticationException e) {
      return refusal(HttpStatus.UNAUTHORIZED, "bad-credentials", "login.error", http);
    }
    CooperaUser user = (CooperaUser) result.getPrincipal();
    if (twoFactor.enabled(user.accountId())) {
      // the password alone does not give a token to someone who signs in with two factors
      if (throttle.isBlocked(user.getUsername(), http.getRemoteAddr())) {
        return refusal(
            HttpStatus.UNAUTHORIZED, "bad-second-factor", "two-factor.error.api-code", http);
      }
      if (!twoFactor.verify(user.accountId(), request.code())) {
        throttle.recordFailure(user.getUsername(), http.getRemoteAddr());
        return refusal(
            HttpStatus.UNAUTHORIZED, "bad-second-factor", "two-factor.error.api-code", http);
      }
    } else if (TwoFactor.requiredFor(user)) {
      return refusal(
          HttpStatus.FORBIDDEN, "second-factor-required", "two-factor.error.api-enrol", http);
    }
    try {
      ApiTokens.IssuedToken issued =
          tokens.issue(
              user.accountId(),
              request.name(),
              request.days() == null || request.days() == 0
                  ? null
                  : Duration.ofDays(request.days()),
              scope);
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(
              new TokenResponse(
                  issued.secret(),
                  issued.id(),
                  issued.name(),
                  scope == TokenScope.READ ? "read" : "read-write"));
    } catch (AccountException e) {
      throw new InvalidParameterException(e.field(), e.messageKey(), e.arguments());
    }
  }

  private ResponseEntity<?> refusal(
      HttpStatus status, String code, String messageKey, HttpServletRequest http) {
    var locale = LocaleContextHolder.getLocale();
    return ResponseEntity.status(status)
        .body(
            problems.of(
                status,
                code,
                messages.getMessage(messageKey, null, locale),
                http.getRequestURI(),
                locale));
  }

  @GetMapping
  @Operation(summary = "The caller's own tokens (never their secrets)")
  ListPage<ApiTokens.TokenView> list(@AuthenticationPrincipal CooperaUser user) {
    return ListPage.all(tokens.tokensOf(user.accountId()));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Revoke one of the caller's tokens")
  ResponseEntity<Void> revoke(@AuthenticationPrincipal CooperaUser user, @PathVariable UUID id) {
    if (!tokens.revoke(user.accountId(), id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return ResponseEntity.noContent().build();
  }
}
