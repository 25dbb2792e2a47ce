/**
 * The registry of recommendations and observations of the UN human rights mechanisms (UPR, treaty
 * bodies, special procedures): the State's response, themes, SDG targets and affected groups (set
 * by a person, by an import, or suggested by the machine), clusters of near-duplicates, imports of
 * the UPR Info export, OHCHR matrices and Coopera's own template, full-text faceted search and the
 * exports of any search result.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recommendations")
package org.coopera.recommendations;
