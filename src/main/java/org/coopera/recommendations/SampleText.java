package org.coopera.recommendations;

/**
 * One real recommendation as the OHCHR matrices shipped with Coopera write it: its text and the
 * State's response. What a generator of realistic data learns its words and lengths from.
 */
public record SampleText(String text, Response response) {}
