package org.coopera.assistance.projects;

/** A provider a request addressed: an organisation (by code) or a State (ISO 3166 alpha-3). */
public record Provider(String organisationCode, String stateIso3) {}
