package org.coopera.identity.web;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.internal.AccountException;
import org.coopera.identity.internal.AccountService;
import org.coopera.identity.internal.ApiTokens;
import org.coopera.identity.internal.TokenScope;
import org.coopera.identity.internal.TwoFactor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own account: their roles, password, second factor and API tokens. */
@Controller
@RequestMapping("/profile")
class ProfileController {

  private final AccountService accounts;
  private final ApiTokens tokens;
  private final TwoFactor twoFactor;

  ProfileController(AccountService accounts, ApiTokens tokens, TwoFactor twoFactor) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.twoFactor = twoFactor;
  }

  record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {}

  /** {@code nonce} identifies one rendering of the form, so that a reload creates nothing. */
  record TokenForm(String name, Integer days, String scope, String nonce) {}

  static final String USED_NONCES = ProfileController.class.getName() + ".usedTokenNonces";
  static final int REMEMBERED_NONCES = 20;

  @GetMapping
  String profile(@AuthenticationPrincipal CooperaUser user, Model model) {
    model.addAttribute("account", accounts.find(user.accountId()));
    model.addAttribute("tokens", tokens.tokensOf(user.accountId()));
    model.addAttribute("twoFactorEnabled", twoFactor.enabled(user.accountId()));
    model.addAttribute("tokenNonce", UUID.randomUUID().toString());
    return "identity/profile";
  }

  @PostMapping("/password")
  String changePassword(
      @AuthenticationPrincipal CooperaUser user,
      PasswordForm form,
      HttpSession session,
      Model model,
      RedirectAttributes redirect) {
    try {
      if (form.newPassword() == null || !form.newPassword().equals(form.confirmPassword())) {
        throw new AccountException("password.error.mismatch", "confirmPassword");
      }
      accounts.changeOwnPassword(
          user.accountId(), form.currentPassword(), form.newPassword(), session.getId());
    } catch (AccountException e) {
      model.addAttribute("passwordError", e);
      return profile(user, model);
    }
    redirect.addFlashAttribute("notice", "profile.password.changed");
    return "redirect:/profile";
  }

  @PostMapping("/tokens")
  String createToken(
      @AuthenticationPrincipal CooperaUser user, TokenForm form, HttpSession session, Model model) {
    if (!firstUseOf(form.nonce(), session)) {
      model.addAttribute("tokenNotice", "tokens.already-created");
      return profile(user, model);
    }
    Duration lifetime;
    if (form.days() == null || form.days() == 0) {
      lifetime = null;
    } else if (form.days() < 0 || form.days() > 3650) {
      model.addAttribute("tokenError", new AccountException("tokens.error.days", "days", 3650));
      return profile(user, model);
    } else {
      lifetime = Duration.ofDays(form.days());
    }
    try {
      // Shown in this response only, never kept in the session: the secret exists nowhere else.
      model.addAttribute(
          "issuedToken",
          tokens.issue(user.accountId(), form.name(), lifetime, TokenScope.parse(form.scope())));
    } catch (AccountException e) {
      model.addAttribute("tokenError", e);
    }
    return profile(user, model);
  }

  /** Whether this form rendering has not been submitted before (a reload resubmits it). */
  @SuppressWarnings("unchecked")
  private static boolean firstUseOf(String nonce, HttpSession session) {
    if (nonce == null || nonce.isBlank()) {
      return false;
    }
    Object stored = session.getAttribute(USED_NONCES);
    LinkedHashSet<String> used =
        stored instanceof LinkedHashSet<?> set
            ? new LinkedHashSet<>((LinkedHashSet<String>) set)
            : new LinkedHashSet<>();
    if (!used.add(nonce)) {
      return false;
    }
    while (used.size() > REMEMBERED_NONCES) {
      used.remove(used.iterator().next());
    }
    session.setAttribute(USED_NONCES, used);
    return true;
  }

  @PostMapping("/tokens/{id}/revoke")
  String revokeToken(
      @AuthenticationPrincipal CooperaUser user,
      @PathVariable UUID id,
      RedirectAttributes redirect) {
    boolean revoked = tokens.revoke(user.accountId(), id);
    redirect.addFlashAttribute("notice", revoked ? "tokens.revoked" : "tokens.not-found");
    return "redirect:/profile#tokens";
  }
}
