package org.coopera.funds.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.function.Supplier;
import org.coopera.funds.internal.FundViews;
import org.coopera.funds.internal.Funds;
import org.coopera.funds.internal.Money;
import org.coopera.funds.web.FundForms.FundForm;
import org.coopera.funds.web.FundForms.IncomeForm;
import org.coopera.funds.web.FundForms.OutgoForm;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the funds pages, calling the same service methods as the API: a new funding line on
 * the funds page; a pledge, a contribution, an allocation, a change of one, a disbursement and an
 * expenditure on a fund's page. A refusal answers 400 with the page, the reason (with its figures)
 * beside the form and what was typed; a stale change answers 409 with the allocation as it now is
 * and the amount that was typed. Only fund managers and administrators record: anyone else gets 403
 * whatever they typed.
 */
@Controller
class FundFormsController {

  private final Funds funds;
  private final FundPageModel page;

  FundFormsController(Funds funds, FundPageModel page) {
    this.funds = funds;
    this.page = page;
  }

  /** Why a form was refused: a message key with its arguments, and the status of the answer. */
  record FundRefusal(String key, Object[] args, int status) {}

  /** What the page needs to answer a form of a fund's page. */
  private record Answer(
      String code,
      CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {}

  @PostMapping("/funds")
  String addFund(
      @ModelAttribute FundForm fundForm,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    requireRecorder(user);
    try {
      funds.addFund(
          blankToNull(fundForm.code()),
          fundForm.name(),
          fundForm.kind(),
          blankToNull(fundForm.description()),
          user);
    } catch (InvalidInputException e) {
      refuse(model, response, "fund", fundForm, invalid(e));
      return page.index(user, model);
    }
    redirect.addFlashAttribute("notice", "funds.notice.fund-added");
    return "redirect:/funds/" + fundForm.code();
  }

  @PostMapping("/funds/{code}/pledges")
  String pledge(
      @PathVariable String code,
      @ModelAttribute IncomeForm incomeForm,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return attempt(
        new Answer(code, user, model, response, redirect),
        "pledge",
        incomeForm,
        "funds.notice.pledged",
        () -> funds.pledge(code, incomeForm.income(), user));
  }

  @PostMapping("/funds/{code}/contributions")
  String contribute(
      @PathVariable String code,
      @ModelAttribute IncomeForm incomeForm,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return attempt(
        new Answer(code, user, model, response, redirect),
        "contribution",
        incomeForm,
        "funds.notice.contributed",
        () -> funds.contribute(code, incomeForm.income(), user));
  }

  @PostMapping("/funds/{code}/allocations")
  String allocate(
      @PathVariable String code,
      @ModelAttribute OutgoForm outgoForm,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return attempt(
        new Answer(code, user, model, response, redirect),
        "allocation",
        outgoForm,
        "funds.notice.allocated",
        () -> funds.allocate(code, outgoForm.outgo(), user));
  }

  @PostMapping("/funds/{code}/allocations/{id}")
  String change(
      @PathVariable String code,
      @PathVariable UUID id,
      @ModelAttribute OutgoForm outgoForm,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Answer answer = new Answer(code, user, model, response, redirect);
    try {
      return attempt(
          answer,
          "change-" + id,
          outgoForm,
          "funds.notice.changed",
          () -> {
            funds.changeAllocation(code, id, outgoForm.outgo(), user);
            return id;
          });
    } catch (Funds.StaleAllocation e) {
      model.addAttribute("stale", true);
      String view = page.fund(code, user, model);
      FundViews.AllocationLine current =
          ((FundViews.FundLedger) model.getAttribute("ledger"))
              .allocations().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
      refuse(
          model,
          response,
          "change-" + id,
          outgoForm,
          new FundRefusal(
              "funds.error.stale-change",
              new Object[] {
                Money.format(current.amountUsd()),
                Money.format(current.disbursed()),
                outgoForm.amountUsd()
              },
              HttpStatus.CONFLICT.value()));
      return view;
    }
  }

  @PostMapping("/funds/{code}/disbursements")
  String disburse(
      @PathVariable String code,
      @ModelAttribute OutgoForm outgoForm,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return attempt(
        new Answer(code, user, model, response, redirect),
        "disbursement",
        outgoForm,
        "funds.notice.disbursed",
        () -> funds.disburse(code, outgoForm.allocation(), outgoForm.outgo(), user));
  }

  @PostMapping("/funds/{code}/expenditures")
  String spend(
      @PathVariable String code,
      @ModelAttribute OutgoForm outgoForm,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return attempt(
        new Answer(code, user, model, response, redirect),
        "expenditure",
        outgoForm,
        "funds.notice.spent",
        () -> funds.spend(code, outgoForm.allocation(), outgoForm.outgo(), user));
  }

  private String attempt(
      Answer answer, String form, Object typed, String notice, Supplier<UUID> action) {
    requireRecorder(answer.user());
    try {
      action.get();
    } catch (InvalidInputException e) {
      refuse(answer.model(), answer.response(), form, typed, invalid(e));
      return page.fund(answer.code(), answer.user(), answer.model());
    }
    answer.redirect().addFlashAttribute("notice", notice);
    return "redirect:/funds/" + answer.code();
  }

  /**
   * Refuses anyone who does not record money before reading what they typed, so that they get 403
   * and not the reason their figures were wrong; the service checks again.
   */
  private static void requireRecorder(CooperaUser user) {
    if (!Funds.records(user)) {
      throw new AccessDeniedException("funds are recorded by fund managers and administrators");
    }
  }

  private static FundRefusal invalid(InvalidInputException e) {
    return new FundRefusal(e.messageKey(), e.arguments(), HttpStatus.BAD_REQUEST.value());
  }

  private static void refuse(
      Model model, HttpServletResponse response, String form, Object typed, FundRefusal refusal) {
    response.setStatus(refusal.status());
    model.addAttribute("refusedForm", form);
    model.addAttribute("typed", typed);
    model.addAttribute("formRefusal", refusal);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
