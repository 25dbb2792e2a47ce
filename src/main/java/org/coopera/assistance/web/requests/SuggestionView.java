package org.coopera.assistance.web.requests;

import org.coopera.assistance.requests.Matching;

/** A suggestion with its reasons in words, for the request page. */
public record SuggestionView(Matching.Suggestion suggestion, String reasons) {}
