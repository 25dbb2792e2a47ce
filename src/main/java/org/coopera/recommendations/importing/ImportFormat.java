package org.coopera.recommendations.importing;

import java.util.Arrays;
import java.util.Optional;

/** The file formats an import understands, by the names the API uses. */
public enum ImportFormat {
  /** The UPR Info database export: CSV (Mac Roman, CR line ends) or the legacy BIFF8 XLS. */
  UPR_INFO("upr-info"),
  /** An OHCHR UPR matrix or thematic list of recommendations, as a Word (DOCX) document. */
  OHCHR_MATRIX("ohchr-matrix"),
  /** Coopera's own template, as CSV (UTF-8) or XLSX. */
  COOPERA("coopera");

  private final String apiName;

  ImportFormat(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  public static Optional<ImportFormat> fromApiName(String name) {
    return Arrays.stream(values()).filter(f -> f.apiName.equalsIgnoreCase(name)).findFirst();
  }
}
