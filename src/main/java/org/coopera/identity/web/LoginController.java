package org.coopera.identity.web;

import org.coopera.identity.internal.OidcProviders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. The form posts to Spring Security's {@code /login}; a button for each
 * configured identity provider leads to its sign-in, which comes back here with {@code
 * sso=<reason>} when it fails.
 */
@Controller
class LoginController {

  private final OidcProviders providers;

  LoginController(OidcProviders providers) {
    this.providers = providers;
  }

  @GetMapping("/login")
  String login(
      Authentication authentication,
      @RequestParam(name = "sso", required = false) String reason,
      Model model) {
    if (authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return "redirect:/";
    }
    model.addAttribute("providers", providers.buttons());
    if (reason != null) {
      model.addAttribute("ssoError", "login.sso.error." + OidcProviders.knownReason(reason));
    }
    return "identity/login";
  }
}
