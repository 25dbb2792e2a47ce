package org.coopera.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The languages of the interface. The first is the default when the browser asks for none of them.
 *
 * @param languages ISO 639-1 codes whose message bundles are complete
 */
@ConfigurationProperties("coopera.web")
record WebProperties(@DefaultValue({"en", "ar", "zh", "fr", "ru", "es"}) List<String> languages) {}
