package org.coopera.identity.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.internal.AccountException;
import org.coopera.identity.internal.LoginThrottle;
import org.coopera.identity.internal.PendingSecondFactor;
import org.coopera.identity.internal.SecondFactorSignIn;
import org.coopera.identity.internal.TwoFactor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two-factor sign-in: the second step after the password, setting up an authenticator (during
 * sign-in when one's roles require it, or from one's account page) and turning it off.
 */
@Controller
class TwoFactorController {

  /** The secret being set up, kept in the session until confirmed, never in the database before. */
  static final String ENROLMENT = TwoFactorController.class.getName() + ".enrolment";

  private final TwoFactor twoFactor;
  private final SecondFactorSignIn signIn;
  private final LoginThrottle throttle;

  TwoFactorController(TwoFactor twoFactor, SecondFactorSignIn signIn, LoginThrottle throttle) {
    this.twoFactor = twoFactor;
    this.signIn = signIn;
    this.throttle = throttle;
  }

  @GetMapping(SecondFactorSignIn.CODE_PAGE)
  String codePage() {
    PendingSecondFactor pending = SecondFactorSignIn.pending();
    if (pending == null) {
      return "redirect:/login";
    }
    return pending.enrolling() ? "redirect:" + SecondFactorSignIn.ENROL_PAGE : "identity/code";
  }

  @PostMapping(SecondFactorSignIn.CODE_PAGE)
  String checkCode(
      @RequestParam(required = false) String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws IOException, ServletException {
    PendingSecondFactor pending = SecondFactorSignIn.pending();
    if (pending == null || pending.enrolling()) {
      return codePage();
    }
    if (signIn.completeWithCode(pending, code, request, response)) {
      return null; // the response is the redirect to where the person was going
    }
    model.addAttribute("codeError", true);
    return "identity/code";
  }

  @GetMapping(SecondFactorSignIn.ENROL_PAGE)
  String enrolDuringSignIn(HttpSession session, Model model) {
    PendingSecondFactor pending = SecondFactorSignIn.pending();
    if (pending == null || !pending.enrolling()) {
      return codePage();
    }
    return enrolPage(pending.user(), session, model, SecondFactorSignIn.ENROL_PAGE, true, null);
  }

  @PostMapping(SecondFactorSignIn.ENROL_PAGE)
  String confirmDuringSignIn(
      @RequestParam(required = false) String code,
      HttpSession session,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    PendingSecondFactor pending = SecondFactorSignIn.pending();
    if (pending == null || !pending.enrolling()) {
      return codePage();
    }
    TwoFactor.Enrolment enrolment = enrolment(session);
    try {
      List<String> codes =
          signIn.completeWithEnrolment(
              pending, enrolment == null ? null : enrolment.secret(), code, request, response);
      request.getSession().removeAttribute(ENROLMENT);
      model.addAttribute("recoveryCodes", codes);
      model.addAttribute("continueTo", "/");
      return "identity/recovery-codes";
    } catch (AccountException e) {
      return enrolPage(pending.user(), session, model, SecondFactorSignIn.ENROL_PAGE, true, e);
    }
  }

  @GetMapping("/profile/two-factor")
  String profilePage(@AuthenticationPrincipal CooperaUser user, HttpSession session, Model model) {
    if (twoFactor.enabled(user.accountId())) {
      model.addAttribute("required", TwoFactor.requiredFor(user));
      model.addAttribute("codesLeft", twoFactor.recoveryCodesLeft(user.accountId()));
      return "identity/two-factor";
    }
    return enrolPage(user, session, model, "/profile/two-factor", false, null);
  }

  @PostMapping("/profile/two-factor")
  String confirmFromProfile(
      @AuthenticationPrincipal CooperaUser user,
      @RequestParam(required = false) String code,
      HttpSession session,
      Model model) {
    TwoFactor.Enrolment enrolment = enrolment(session);
    try {
      List<String> codes =
          twoFactor.confirm(user.accountId(), enrolment == null ? null : enrolment.secret(), code);
      session.removeAttribute(ENROLMENT);
      model.addAttribute("recoveryCodes", codes);
      model.addAttribute("continueTo", "/profile");
      return "identity/recovery-codes";
    } catch (AccountException e) {
      return enrolPage(user, session, model, "/profile/two-factor", false, e);
    }
  }

  @PostMapping("/profile/two-factor/disable")
  String disable(
      @AuthenticationPrincipal CooperaUser user,
      @RequestParam(required = false) String code,
      HttpServletRequest request,
      HttpSession session,
      Model model,
      RedirectAttributes redirect) {
    // Wrong codes count against the account as at sign-in, so that a session left open cannot be
    // used to guess its way to turning the second factor off. (Counted here, outside disable's
    // transaction, which a wrong code rolls back.)
    String address = request.getRemoteAddr();
    try {
      if (throttle.isBlocked(user.getUsername(), address)) {
        throw new AccountException("two-factor.error.code", "code");
      }
      twoFactor.disable(user, code);
    } catch (AccountException e) {
      if (e.messageKey().equals("two-factor.error.code")) {
        throttle.recordFailure(user.getUsername(), address);
      }
      model.addAttribute("error", e);
      return profilePage(user, session, model);
    }
    throttle.recordSuccess(user.getUsername());
    redirect.addFlashAttribute("notice", "two-factor.disabled");
    return "redirect:/profile";
  }

  /** The enrolment page, with the same secret on every showing until it is confirmed. */
  private String enrolPage(
      CooperaUser user,
      HttpSession session,
      Model model,
      String action,
      boolean required,
      AccountException error) {
    TwoFactor.Enrolment enrolment = enrolment(session);
    if (enrolment == null) {
      enrolment = twoFactor.begin(user.getUsername());
      session.setAttribute(ENROLMENT, enrolment);
    }
    model.addAttribute("enrolment", enrolment);
    model.addAttribute("action", action);
    model.addAttribute("required", required);
    model.addAttribute("error", error);
    return "identity/two-factor-enrol";
  }

  private static TwoFactor.Enrolment enrolment(HttpSession session) {
    return session.getAttribute(ENROLMENT) instanceof TwoFactor.Enrolment enrolment
        ? enrolment
        : null;
  }
}
