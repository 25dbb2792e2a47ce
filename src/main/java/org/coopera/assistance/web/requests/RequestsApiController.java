package org.coopera.assistance.web.requests;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.coopera.assistance.requests.AssistanceRequests;
import org.coopera.assistance.requests.Matching;
import org.coopera.assistance.requests.Offers;
import org.coopera.assistance.requests.RequestDraft;
import org.coopera.assistance.requests.RequestSummary;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assistance requests and offers over the API, with the rules of the pages: the State's officials
 * draft and edit, its coordinator submits and withdraws, only it sees the suggestions; a stale
 * {@code version} answers 409 with the request as it now is.
 */
@RestController
@RequestMapping("/api/v1/assistance")
@Tag(name = "Assistance", description = "Requests of States and offers of providers")
class RequestsApiController {

  private final AssistanceRequests requests;
  private final Offers offers;
  private final Matching matching;
  private final MatchReasons reasons;

  RequestsApiController(
      AssistanceRequests requests, Offers offers, Matching matching, MatchReasons reasons) {
    this.requests = requests;
    this.offers = offers;
    this.matching = matching;
    this.reasons = reasons;
  }

  /** What a client sends to draft or change a request. */
  record RequestBodyJson(
      Long version,
      String state,
      String title,
      String summary,
      List<String> areas,
      List<String> forms,
      List<String> languages,
      List<String> priorities,
      List<String> recommendations,
      List<String> clusters,
      List<String> providers,
      Boolean confidential) {

    RequestDraft draft() {
      return new RequestDraft(
          title,
          summary,
          areas,
          forms,
          languages,
          priorities,
          recommendations,
          clusters,
          providers,
          confidential);
    }
  }

  record WithdrawJson(String reason) {}

  /**
   * An answer; {@code version} is the provider's answer's version as read (optional: without it,
   * the answer as this call reads it), so that an answer given meanwhile is not overwritten.
   */
  record AnswerJson(String answer, String note, Long version) {}

  record AddressJson(String provider) {}

  record SuggestionJson(
      UUID offer,
      String provider,
      String title,
      int score,
      List<String> reasons,
      boolean addressed) {}

  record OfferJson(
      UUID id,
      String provider,
      String providerName,
      String title,
      String description,
      List<String> areas,
      List<String> forms,
      List<String> languages,
      List<String> regions,
      List<String> themes,
      BigDecimal budgetAmount,
      String budgetCurrency,
      boolean published,
      long version) {

    static OfferJson of(Offers.Offer o) {
      return new OfferJson(
          o.id(),
          o.providerKey(),
          o.providerName(),
          o.title(),
          o.description(),
          o.areas(),
          o.forms(),
          o.languages(),
          o.regions(),
          o.themes(),
          o.budgetAmount(),
          o.budgetCurrency(),
          o.published(),
          o.version());
    }
  }

  @GetMapping("/requests")
  @Operation(summary = "A State's requests (its officials), or those addressed to me (providers)")
  List<RequestJson> list(
      @RequestParam(required = false) String state, @AuthenticationPrincipal CooperaUser user) {
    var found = state == null ? requests.inbox(user) : requests.ofState(state, user);
    return requests.findAll(found.stream().map(RequestSummary::id).toList(), user).stream()
        .map(RequestJson::of)
        .toList();
  }

  @GetMapping("/requests/{id}")
  @Operation(summary = "One request")
  RequestJson one(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return RequestJson.of(requests.find(id, user));
  }

  @PostMapping("/requests")
  @Operation(summary = "Draft a request (the State's coordinator or focal point)")
  ResponseEntity<RequestJson> create(
      @RequestBody RequestBodyJson body, @AuthenticationPrincipal CooperaUser user) {
    if (body.state() == null) {
      throw new InvalidInputException("assistance.error.state", "state");
    }
    RequestJson created = RequestJson.of(requests.create(body.state(), body.draft(), user));
    return ResponseEntity.created(URI.create("/api/v1/assistance/requests/" + created.id()))
        .body(created);
  }

  @PutMapping("/requests/{id}")
  @Operation(summary = "Change a request; send the version it was read at")
  RequestJson update(
      @PathVariable UUID id,
      @RequestBody RequestBodyJson body,
      @AuthenticationPrincipal CooperaUser user) {
    if (body.version() == null) {
      throw new InvalidInputException("assistance.error.version", "version");
    }
    return RequestJson.of(requests.update(id, body.version(), body.draft(), user));
  }

  @PostMapping("/requests/{id}/submit")
  @Operation(summary = "Submit: the State's request and consent (its coordinator only)")
  RequestJson submit(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return RequestJson.of(requests.submit(id, user));
  }

  @PostMapping("/requests/{id}/withdraw")
  @Operation(summary = "Withdraw consent, with a reason (the State's coordinator only)")
  RequestJson withdraw(
      @PathVariable UUID id,
      @RequestBody(required = false) WithdrawJson body,
      @AuthenticationPrincipal CooperaUser user) {
    return RequestJson.of(requests.withdraw(id, body == null ? null : body.reason(), user));
  }

  @PostMapping("/requests/{id}/answer")
  @Operation(summary = "Accept or decline (a provider the request addresses)")
  RequestJson answer(
      @PathVariable UUID id,
      @RequestBody AnswerJson body,
      @AuthenticationPrincipal CooperaUser user) {
    return RequestJson.of(requests.answer(id, body.answer(), body.note(), body.version(), user));
  }

  @PostMapping("/requests/{id}/providers")
  @Operation(summary = "Address one more provider, e.g. a suggested one (the State's officials)")
  RequestJson address(
      @PathVariable UUID id,
      @RequestBody AddressJson body,
      @AuthenticationPrincipal CooperaUser user) {
    return RequestJson.of(requests.address(id, body.provider(), user));
  }

  @GetMapping("/requests/{id}/suggestions")
  @Operation(summary = "Offers matching the request, ranked, with reasons (the State only)")
  List<SuggestionJson> suggestions(
      @PathVariable UUID id, @AuthenticationPrincipal CooperaUser user, Locale locale) {
    return matching.suggestions(id, user).stream()
        .map(
            s ->
                new SuggestionJson(
                    s.offer().id(),
                    s.offer().providerKey(),
                    s.offer().title(),
                    s.score(),
                    s.reasons().stream().map(r -> reasons.text(r, locale)).toList(),
                    s.addressed()))
        .toList();
  }

  @GetMapping("/offers")
  @Operation(summary = "The published offers")
  List<OfferJson> offers() {
    return offers.published().stream().map(OfferJson::of).toList();
  }

  /** A change of an offer: what a provider typed, with the version it changes. */
  record OfferChange(
      String title,
      String description,
      List<String> areas,
      List<String> forms,
      List<String> languages,
      List<String> regions,
      List<String> themes,
      BigDecimal budgetAmount,
      String budgetCurrency,
      Long version) {

    Offers.OfferDraft draft() {
      return new Offers.OfferDraft(
          title,
          description,
          areas,
          forms,
          languages,
          regions,
          themes,
          budgetAmount,
          budgetCurrency);
    }
  }

  /** The version a publication step applies to. */
  record Versioned(Long version) {}

  @GetMapping("/offers/{id}")
  @Operation(summary = "One offer (an unpublished one for its provider only)")
  OfferJson offer(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return OfferJson.of(offers.find(id, user));
  }

  @GetMapping("/offers/mine")
  @Operation(summary = "The offers of my organisations and States, published or not")
  List<OfferJson> myOffers(@AuthenticationPrincipal CooperaUser user) {
    return offers.mine(user).stream().map(OfferJson::of).toList();
  }

  @PutMapping("/offers/{id}")
  @Operation(summary = "Change an offer (its provider; with its version, 409 when stale)")
  OfferJson changeOffer(
      @PathVariable UUID id,
      @RequestBody OfferChange body,
      @AuthenticationPrincipal CooperaUser user) {
    return OfferJson.of(offers.update(id, offerVersion(body.version()), body.draft(), user));
  }

  @PostMapping("/offers/{id}/unpublish")
  @Operation(summary = "Withdraw an offer from the offers and the matching (its provider)")
  OfferJson unpublish(
      @PathVariable UUID id,
      @RequestBody Versioned body,
      @AuthenticationPrincipal CooperaUser user) {
    return OfferJson.of(offers.setPublished(id, offerVersion(body.version()), false, user));
  }

  @PostMapping("/offers/{id}/publish")
  @Operation(summary = "Publish a withdrawn offer again (its provider)")
  OfferJson republish(
      @PathVariable UUID id,
      @RequestBody Versioned body,
      @AuthenticationPrincipal CooperaUser user) {
    return OfferJson.of(offers.setPublished(id, offerVersion(body.version()), true, user));
  }

  private static long offerVersion(Long version) {
    if (version == null) {
      throw new InvalidInputException("assistance.error.offer-version", "version");
    }
    return version;
  }

  @PostMapping("/offers")
  @Operation(summary = "Publish an offer (agency officers, State coordinators)")
  ResponseEntity<OfferJson> publish(
      @RequestBody Offers.OfferDraft body, @AuthenticationPrincipal CooperaUser user) {
    OfferJson created = OfferJson.of(offers.publish(body, user));
    return ResponseEntity.created(URI.create("/api/v1/assistance/offers/" + created.id()))
        .body(created);
  }
}
