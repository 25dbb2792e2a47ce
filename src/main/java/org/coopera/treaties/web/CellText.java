package org.coopera.treaties.web;

import org.coopera.treaties.DatePrecision;
import org.coopera.treaties.Ratifications;

/** A matrix cell as text: the year of consent, {@code s} for signed only, blank for neither. */
final class CellText {

  private CellText() {}

  static String of(Ratifications.Cell cell) {
    if (cell == null) {
      return "";
    }
    if (cell.party()) {
      return cell.consentPrecision() == DatePrecision.NONE
          ? "party"
          : String.valueOf(cell.consent().getYear());
    }
    return cell.signatory() ? "s" : "";
  }
}
