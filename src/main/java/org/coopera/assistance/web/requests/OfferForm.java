package org.coopera.assistance.web.requests;

import java.math.BigDecimal;
import java.util.List;
import org.coopera.assistance.requests.Offers;

/** The offer form. */
public record OfferForm(
    String title,
    String description,
    List<String> areas,
    List<String> forms,
    List<String> languages,
    List<String> regions,
    String themes,
    BigDecimal budgetAmount,
    String budgetCurrency) {

  static OfferForm empty() {
    return new OfferForm(null, null, null, null, null, null, null, null, null);
  }

  static OfferForm of(Offers.Offer o) {
    return new OfferForm(
        o.title(),
        o.description(),
        o.areas(),
        o.forms(),
        o.languages(),
        o.regions(),
        String.join(", ", o.themes()),
        o.budgetAmount(),
        o.budgetCurrency());
  }

  public boolean has(List<String> values, String code) {
    return values != null && values.contains(code);
  }

  Offers.OfferDraft draft() {
    List<String> themeCodes =
        themes == null
            ? List.of()
            : java.util.Arrays.stream(themes.split("[,\\s]+")).filter(t -> !t.isBlank()).toList();
    return new Offers.OfferDraft(
        title,
        description,
        areas,
        forms,
        languages,
        regions,
        themeCodes,
        budgetAmount,
        budgetCurrency);
  }
}
