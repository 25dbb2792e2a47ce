package org.coopera.platform;

/**
 * A person chose the interface language with the switcher. Published on the request's thread, so a
 * listener can see who is signed in and remember the choice for them.
 *
 * @param language the ISO 639-1 code, e.g. {@code fr}
 */
public record LanguageChosen(String language) {}
