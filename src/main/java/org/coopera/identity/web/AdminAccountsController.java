package org.coopera.identity.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.coopera.identity.internal.AccountException;
import org.coopera.identity.internal.AccountService;
import org.coopera.identity.internal.AccountService.AccountView;
import org.coopera.identity.internal.TwoFactor;
import org.coopera.platform.InvalidParameterException;
import org.coopera.platform.PageParameters;
import org.coopera.reference.ReferenceData;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage accounts: create, change roles and scopes, disable, reset passwords. */
@Controller
@RequestMapping("/admin/accounts")
class AdminAccountsController {

  static final int PAGE_SIZE = 50;
  static final int EMPTY_ROLE_ROWS = 2;

  private final AccountService accounts;
  private final ReferenceData reference;
  private final TwoFactor twoFactor;

  AdminAccountsController(AccountService accounts, ReferenceData reference, TwoFactor twoFactor) {
    this.accounts = accounts;
    this.reference = reference;
    this.twoFactor = twoFactor;
  }

  /** One row of the roles table of the account form; blank rows are ignored. */
  record GrantRow(String role, String state, String organisation) {

    static GrantRow of(Grant grant) {
      return new GrantRow(grant.role().name(), grant.stateIso3(), grant.organisationCode());
    }

    boolean blank() {
      return role == null || role.isBlank();
    }
  }

  /** The account form. {@code version} is the version the editor saw. */
  record AccountForm(
      String email,
      String displayName,
      String password,
      List<GrantRow> grants,
      Boolean enabled,
      Long version) {

    List<GrantRow> rows() {
      return grants == null ? List.of() : grants;
    }
  }

  record PasswordResetForm(String newPassword) {}

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) Integer page,
      Model model) {
    Role wanted = null;
    if (role != null && !role.isBlank()) {
      try {
        wanted = Role.valueOf(role);
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException(
            "role", "parameter.error.role", Arrays.toString(Role.values()));
      }
    }
    String stateIso3 = state == null || state.isBlank() ? null : state.strip();
    if (stateIso3 != null && reference.findState(stateIso3).isEmpty()) {
      throw new InvalidParameterException("state", "parameter.error.state", stateIso3);
    }
    model.addAttribute("q", q);
    model.addAttribute("role", role);
    model.addAttribute("state", stateIso3);
    model.addAttribute("roles", Arrays.asList(Role.values()));
    model.addAttribute("states", reference.allStates());
    model.addAttribute(
        "accounts",
        accounts.search(q, wanted, stateIso3, PageParameters.of(page, null, PAGE_SIZE)));
    return "admin/accounts";
  }

  @GetMapping("/new")
  String newAccount(Model model) {
    return form(
        model,
        new AccountForm(null, null, null, withEmptyRows(List.of()), Boolean.TRUE, null),
        null,
        null);
  }

  @PostMapping
  String create(AccountForm form, Model model, RedirectAttributes redirect) {
    try {
      UUID id =
          accounts.create(form.email(), form.displayName(), form.password(), grants(form), false);
      redirect.addFlashAttribute("notice", "accounts.created");
      return "redirect:/admin/accounts/" + id;
    } catch (AccountException e) {
      return form(model, blankPassword(form), null, e);
    }
  }

  @GetMapping("/{id}")
  String edit(@PathVariable UUID id, Model model) {
    AccountView account = accounts.find(id);
    AccountForm form =
        new AccountForm(
            account.email(),
            account.displayName(),
            null,
            withEmptyRows(account.grants().stream().map(GrantRow::of).toList()),
            account.enabled(),
            account.version());
    return form(model, form, account, null);
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable UUID id,
      AccountForm form,
      @AuthenticationPrincipal CooperaUser administrator,
      Model model,
      RedirectAttributes redirect) {
    try {
      accounts.update(
          id,
          form.version() == null ? -1 : form.version(),
          form.email(),
          form.displayName(),
          grants(form),
          Boolean.TRUE.equals(form.enabled()),
          administrator);
      redirect.addFlashAttribute("notice", "accounts.saved");
      return "redirect:/admin/accounts/" + id;
    } catch (AccountException e) {
      if ("accounts.error.stale".equals(e.messageKey())) {
        return staleEdit(model, form, id);
      }
      return form(model, blankPassword(form), accounts.find(id), e);
    } catch (org.springframework.orm.ObjectOptimisticLockingFailureException e) {
      return staleEdit(model, form, id);
    }
  }

  /**
   * Someone saved the account since this editor opened it: nothing is overwritten. The form keeps
   * what this editor typed, now against the current version, so that they can compare and decide.
   */
  private String staleEdit(Model model, AccountForm form, UUID id) {
    AccountView current = accounts.find(id);
    AccountForm kept =
        new AccountForm(
            form.email(),
            form.displayName(),
            null,
            form.grants(),
            form.enabled(),
            current.version());
    return form(model, kept, current, new AccountException("accounts.error.stale", null));
  }

  @PostMapping("/{id}/password")
  String resetPassword(
      @PathVariable UUID id, PasswordResetForm form, Model model, RedirectAttributes redirect) {
    try {
      accounts.setPassword(id, form.newPassword());
      redirect.addFlashAttribute("notice", "accounts.password-reset");
      return "redirect:/admin/accounts/" + id;
    } catch (AccountException e) {
      model.addAttribute("passwordError", e);
      return edit(id, model);
    }
  }

  /**
   * Removes someone's second factor (a lost phone): their sessions end, and they set up a new one
   * at their next sign-in if their roles require it.
   */
  @PostMapping("/{id}/two-factor/reset")
  String resetTwoFactor(@PathVariable UUID id, RedirectAttributes redirect) {
    AccountView account = accounts.find(id);
    boolean had = twoFactor.reset(account.id(), account.email());
    redirect.addFlashAttribute(
        "notice", had ? "accounts.two-factor.reset-done" : "accounts.two-factor.none");
    return "redirect:/admin/accounts/" + id;
  }

  private String form(Model model, AccountForm form, AccountView account, AccountException error) {
    model.addAttribute(
        "form",
        new AccountForm(
            form.email(),
            form.displayName(),
            form.password(),
            withEmptyRows(form.rows().stream().filter(r -> !r.blank()).toList()),
            form.enabled(),
            form.version()));
    model.addAttribute("account", account);
    model.addAttribute("twoFactorEnabled", account != null && twoFactor.enabled(account.id()));
    model.addAttribute("error", error);
    model.addAttribute("roles", Arrays.asList(Role.values()));
    model.addAttribute("states", reference.allStates());
    model.addAttribute("organisations", reference.organisations());
    return "admin/account-form";
  }

  private static List<Grant> grants(AccountForm form) {
    List<Grant> grants = new ArrayList<>();
    for (GrantRow row : form.rows()) {
      if (row.blank()) {
        continue;
      }
      Role role;
      try {
        role = Role.valueOf(row.role());
      } catch (IllegalArgumentException e) {
        throw new AccountException("accounts.error.unknown-role", "roles", row.role());
      }
      try {
        grants.add(new Grant(role, row.state(), row.organisation()));
      } catch (Grant.InvalidGrantException e) {
        throw new AccountException("accounts.error.scope." + role.scope().name(), "roles", role);
      }
    }
    return grants;
  }

  private static List<GrantRow> withEmptyRows(List<GrantRow> rows) {
    List<GrantRow> all = new ArrayList<>(rows);
    for (int i = 0; i < EMPTY_ROLE_ROWS; i++) {
      all.add(new GrantRow(null, null, null));
    }
    return all;
  }

  private static AccountForm blankPassword(AccountForm form) {
    return new AccountForm(
        form.email(), form.displayName(), null, form.grants(), form.enabled(), form.version());
  }
}
