package org.coopera.assistance.requests;

import java.util.List;
import java.util.UUID;
import org.coopera.assistance.requests.AssistanceRequest.Provider;
import org.coopera.identity.AccountNames;
import org.coopera.identity.Role;
import org.coopera.platform.Notifications;
import org.coopera.platform.Notifications.Notice;
import org.springframework.stereotype.Component;

/** Tells the providers a request addresses, and the requesting State of their answers. */
@Component
class RequestNotices {

  private final AccountNames accounts;
  private final Notifications notifications;

  RequestNotices(AccountNames accounts, Notifications notifications) {
    this.accounts = accounts;
    this.notifications = notifications;
  }

  void addressed(AssistanceRequest request, List<Provider> providers) {
    Notice notice =
        new Notice(
            "assistance.notice.addressed",
            List.of(request.stateName(), request.title()),
            link(request));
    for (Provider p : providers) {
      answerers(p).forEach(account -> notifications.notify(account, notice));
    }
  }

  void answered(AssistanceRequest request, String provider, String answer) {
    Notice notice =
        new Notice(
            "assistance.notice." + answer.toLowerCase(java.util.Locale.ROOT),
            List.of(provider, request.title()),
            link(request));
    accounts.officialsOf(request.stateIso3()).forEach(o -> notifications.notify(o.id(), notice));
  }

  void withdrawn(AssistanceRequest request) {
    Notice notice =
        new Notice(
            "assistance.notice.withdrawn",
            List.of(request.stateName(), request.title()),
            link(request));
    for (Provider p : request.providers()) {
      answerers(p).forEach(account -> notifications.notify(account, notice));
    }
  }

  /** The agency officers of an organisation, or the coordinators of a State. */
  private List<UUID> answerers(Provider p) {
    if (p.organisationCode() != null) {
      return accounts.holdersFor(Role.AGENCY_OFFICER, p.organisationCode());
    }
    return accounts.officialsOf(p.providerState()).stream()
        .filter(AccountNames.StateOfficial::coordinator)
        .map(AccountNames.StateOfficial::id)
        .toList();
  }

  private static String link(AssistanceRequest request) {
    return "/assistance/requests/" + request.id();
  }
}
