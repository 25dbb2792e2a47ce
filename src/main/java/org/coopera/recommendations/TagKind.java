package org.coopera.recommendations;

/** The vocabularies a recommendation is tagged with. */
public enum TagKind {
  /** A theme of the Universal Human Rights Index, by its code ({@code D51}). */
  THEME,
  /** An SDG goal ({@code 16}) or target ({@code 16.3}). */
  SDG,
  /** A group of persons affected, by its code ({@code children}). */
  AFFECTED_GROUP
}
