package org.coopera.reference;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The names of reference records in the reader's language, for pages and documents: the UN's
 * official names of States, treaties, treaty bodies and mechanisms, themes, affected groups and
 * regions, and the short titles of the SDGs ({@code ${@names.state('SEN')}} in a template). The
 * names live in the message bundles {@code i18n/state-names} and {@code i18n/reference-names}
 * (English there is the text of the reference CSVs, kept equal by a test); a record without a name
 * in the language is shown with its English name, and an unknown code as itself.
 *
 * <p>The records of {@link ReferenceData} keep their English names: imports and matching compare
 * against those, whatever the language of the person importing.
 */
@Component("names")
public class ReferenceNames {

  private final MessageSource messages;

  public ReferenceNames(MessageSource messages) {
    this.messages = messages;
  }

  /** A State by its ISO 3166 alpha-3 code. */
  public String state(String iso3) {
    return name("name.state.", iso3);
  }

  /** A treaty or optional protocol by its code ({@code iccpr}). */
  public String instrument(String code) {
    return name("name.instrument.", code);
  }

  /** A declaration under a treaty by its code ({@code cat_art22}). */
  public String declaration(String code) {
    return name("name.declaration.", code);
  }

  /** A mechanism (UPR, treaty body, special procedure) by its code ({@code CERD}). */
  public String mechanism(String code) {
    return name("name.mechanism.", code);
  }

  /** A human rights theme by its code ({@code A41}). */
  public String theme(String code) {
    return name("name.theme.", code);
  }

  /** A group of affected persons by its code ({@code children}). */
  public String group(String code) {
    return name("name.group.", code);
  }

  /** The short title of a Sustainable Development Goal by its number. */
  public String sdg(int goal) {
    return name("name.sdg.", Integer.toString(goal));
  }

  /** An M49 region, sub-region or intermediate region by its code ({@code 002}). */
  public String region(String code) {
    return name("region.", code);
  }

  private String name(String prefix, String code) {
    if (code == null) {
      return "";
    }
    Locale locale = LocaleContextHolder.getLocale();
    String name = messages.getMessage(prefix + code, null, null, locale);
    return name == null ? code : name;
  }
}
