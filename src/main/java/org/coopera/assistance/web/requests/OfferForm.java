package org.coopera.assistance.web.requests;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.coopera.assistance.requests.Offers;
import org.coopera.platform.InvalidInputException;

/** The offer form. */
public record OfferForm(
    String title,
    String description,
    List<String> areas,
    List<String> forms,
    List<String> languages,
    List<String> regions,
    String themes,
    String budgetAmount,
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
        o.budgetAmount() == null ? null : o.budgetAmount().toPlainString(),
        o.budgetCurrency());
  }

  public boolean has(List<String> values, String code) {
    return values != null && values.contains(code);
  }

  /**
   * What was typed, for the offers: an amount that is not a number is refused here, as the form
   * keeps it as typed.
   */
  Offers.OfferDraft draft() {
    List<String> themeCodes =
        themes == null
            ? List.of()
            : Arrays.stream(themes.split("[,\\s]+")).filter(t -> !t.isBlank()).toList();
    return new Offers.OfferDraft(
        title, description, areas, forms, languages, regions, themeCodes, amount(), budgetCurrency);
  }

  private BigDecimal amount() {
    if (budgetAmount == null || budgetAmount.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(budgetAmount.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("assistance.error.budget", "budgetAmount");
    }
  }
}
