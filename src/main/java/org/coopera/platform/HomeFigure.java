package org.coopera.platform;

/**
 * A live figure on the public home page, e.g. "195 States". Modules contribute figures by declaring
 * beans of {@link HomeFigures}.
 *
 * @param labelKey message key of the label, e.g. {@code home.figure.states}
 * @param value the current count
 * @param link where the figure leads, or null
 * @param order position on the page (lower first)
 */
public record HomeFigure(String labelKey, long value, String link, int order) {}
