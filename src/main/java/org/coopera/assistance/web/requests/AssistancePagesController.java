package org.coopera.assistance.web.requests;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.coopera.assistance.requests.AssistanceRequest;
import org.coopera.assistance.requests.AssistanceRequests;
import org.coopera.assistance.requests.Offers;
import org.coopera.assistance.requests.PublicRequests;
import org.coopera.assistance.requests.Vocabulary;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The assistance hub, the public aggregate of requests, a provider's inbox, and the offers. */
@Controller
class AssistancePagesController {

  private final AssistanceRequests requests;
  private final PublicRequests published;
  private final Offers offers;
  private final ReferenceData reference;

  AssistancePagesController(
      AssistanceRequests requests,
      PublicRequests published,
      Offers offers,
      ReferenceData reference) {
    this.requests = requests;
    this.published = published;
    this.offers = offers;
    this.reference = reference;
  }

  @GetMapping("/assistance")
  String hub(@AuthenticationPrincipal CooperaUser user, Model model) {
    model.addAttribute(
        "myStates",
        user.grants().stream()
            .map(Grant::stateIso3)
            .filter(s -> s != null && AssistanceRequest.official(user, s))
            .distinct()
            .toList());
    model.addAttribute("provider", Offers.mayOffer(user));
    return "assistance/hub";
  }

  @GetMapping("/assistance/requests")
  String publicRequests(Model model) {
    model.addAttribute("byRegion", published.byRegion());
    model.addAttribute("byArea", published.byArea());
    model.addAttribute("byForm", published.byForm());
    model.addAttribute("requests", published.list());
    return "assistance/public-requests";
  }

  @GetMapping("/assistance/inbox")
  String inbox(@AuthenticationPrincipal CooperaUser user, Model model) {
    model.addAttribute("requests", requests.inbox(user));
    return "assistance/inbox";
  }

  @GetMapping("/assistance/offers")
  String offers(@AuthenticationPrincipal CooperaUser user, Model model) {
    return offersPage(user, model, OfferForm.empty());
  }

  @GetMapping("/assistance/offers/{id}/edit")
  String editOffer(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user, Model model) {
    Offers.Offer offer = managed(id, user);
    return offerEditPage(model, offer, OfferForm.of(offer));
  }

  /** The offer, when this person speaks for its provider; checked before reading what they sent. */
  private Offers.Offer managed(UUID id, CooperaUser user) {
    Offers.Offer offer = offers.find(id, user);
    if (!Offers.mayManage(offer, user)) {
      throw new AccessDeniedException("Only the offer's provider changes it");
    }
    return offer;
  }

  @PostMapping("/assistance/offers/{id}")
  String changeOffer(
      @PathVariable UUID id,
      @RequestParam long version,
      @ModelAttribute OfferForm form,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Offers.Offer read = managed(id, user);
    try {
      offers.update(id, version, form.draft(), user);
      redirect.addFlashAttribute("notice", "assistance.offer.saved");
      return "redirect:/assistance/offers";
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      model.addAttribute("typedVersion", version);
      return offerEditPage(model, read, form);
    } catch (Offers.StaleOffer e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("stale", true);
      model.addAttribute("yours", form);
      return offerEditPage(model, e.current(), OfferForm.of(e.current()));
    }
  }

  @PostMapping("/assistance/offers/{id}/publication")
  String offerPublication(
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam boolean published,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    try {
      offers.setPublished(id, version, published, user);
      redirect.addFlashAttribute(
          "notice", published ? "assistance.offer.republished" : "assistance.offer.withdrawn");
    } catch (Offers.StaleOffer e) {
      redirect.addFlashAttribute("refusal", "assistance.error.offer-stale");
    }
    return "redirect:/assistance/offers";
  }

  private String offerEditPage(Model model, Offers.Offer offer, OfferForm form) {
    model.addAttribute("offer", offer);
    model.addAttribute("form", form);
    choices(model);
    return "assistance/offer-edit";
  }

  private void choices(Model model) {
    model.addAttribute("areas", Vocabulary.AREAS);
    model.addAttribute("forms", Vocabulary.FORMS);
    model.addAttribute("languages", Vocabulary.LANGUAGES);
    model.addAttribute(
        "regions", reference.regions().stream().filter(r -> r.level().equals("REGION")).toList());
  }

  @PostMapping("/assistance/offers")
  String publish(
      @ModelAttribute OfferForm form,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (!Offers.mayOffer(user)) {
      throw new AccessDeniedException("Only providers publish offers");
    }
    try {
      offers.publish(form.draft(), user);
      redirect.addFlashAttribute("notice", "assistance.offer.published");
      return "redirect:/assistance/offers";
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      return offersPage(user, model, form);
    }
  }

  private String offersPage(CooperaUser user, Model model, OfferForm form) {
    model.addAttribute("offers", offers.published());
    model.addAttribute("provider", Offers.mayOffer(user));
    model.addAttribute("mine", offers.mine(user));
    model.addAttribute("form", form);
    choices(model);
    return "assistance/offers";
  }
}
