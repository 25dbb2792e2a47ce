package org.coopera.recommendations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Rewrites the names of the core UN human rights treaties, their optional protocols and the Rome
 * Statute to one word each, whether a text spells them out (in English, French or Spanish) or uses
 * an acronym: “Ratify the OP-CAT” and “Ratify the Optional Protocol to the Convention against
 * Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment” both become “Ratify the
 * unopcat”. Without this, the long name shares one word with the acronym and the two asks look
 * unrelated; with it, asks to ratify different protocols of the same shape (“the Optional Protocol
 * to the Convention on ...”) no longer look alike.
 *
 * <p>Acronyms are matched in capitals only ({@code CAT}, not “cat”); names in any case. The words
 * all start with {@code un} and are listed in {@link #WORDS} so that the stemmers leave them alone.
 * Thread-safe.
 */
final class TreatyNames {

  private static final int ANY_CASE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Acronyms of protocols, replaced first (before “CRC” inside “OP-CRC-AC” becomes a word). */
  private static final List<Rule> PROTOCOL_ACRONYMS =
      List.of(
          acronym("unopiccpr2", "\\b(?:OP2[- ]?ICCPR|ICCPR[- ]?OP2|2OP[- ]?ICCPR)\\b"),
          acronym("unopiccpr", "\\bOP1?[- ]?ICCPR\\b"),
          acronym("unopicescr", "\\bOP[- ]?ICESCR\\b"),
          acronym("unopcat", "\\bOP[- ]?CAT\\b"),
          acronym("unopcedaw", "\\bOP[- ]?CEDAW\\b"),
          acronym("unopcrpd", "\\bOP[- ]?CRPD\\b"),
          acronym("unopcrcac", "\\b(?:OP[- ]?CRC[- ]?AC|OP[- ]?AC)\\b"),
          acronym("unopcrcsc", "\\b(?:OP[- ]?CRC[- ]?SC|OP[- ]?SC)\\b"),
          acronym("unopcrcic", "\\b(?:OP[- ]?CRC[- ]?IC|OP3[- ]?CRC|OP[- ]?IC)\\b"),
          acronym("unopcrc", "\\bOP[- ]?CRC\\b"));

  /** Conventions, by name (English, French, Spanish) and acronym. */
  private static final List<Rule> CONVENTIONS =
      List.of(
          rule(
              "uncat",
              "\\bCAT\\b",
              "convention against torture(?: and other cruel,? inhuman or degrading treatment"
                  + "(?: (?:or|and) punishment)?)?",
              "convention contre la torture(?: et autres peines ou traitements cruels,?"
                  + " inhumains ou dégradants)?",
              "convención contra la tortura(?: y otros tratos o penas crueles,? inhumanos o"
                  + " degradantes)?"),
          rule(
              "uniccpr",
              "\\bICCPR\\b",
              "international covenant on civil and political rights",
              "pacte international relatif aux droits civils et politiques",
              "pacto internacional de derechos civiles y políticos"),
          rule(
              "unicescr",
              "\\bICESCR\\b",
              "international covenant on economic,? social and cultural rights",
              "pacte international relatif aux droits économiques,? sociaux et culturels",
              "pacto internacional de derechos económicos,? sociales y culturales"),
          rule(
              "uncerd",
              "\\bI?CERD\\b",
              "(?:international )?convention on the elimination of all forms of racial"
                  + " discrimination",
              "(?:convention internationale )?sur l'élimination de toutes les formes de"
                  + " discrimination raciale",
              "(?:convención internacional )?sobre la eliminación de todas las formas de"
                  + " discriminación racial"),
          rule(
              "uncedaw",
              "\\bCEDAW\\b",
              "convention on the elimination of all forms of discrimination against women",
              "convention sur l'élimination de toutes les formes de discrimination à l'égard des"
                  + " femmes",
              "convención sobre la eliminación de todas las formas de discriminación contra la"
                  + " mujer"),
          rule(
              "uncrpd",
              "\\bC(?:RPD|PRD)\\b",
              "convention on the rights of persons with disabilities",
              "convention relative aux droits des personnes handicapées",
              "convención sobre los derechos de las personas con discapacidad"),
          rule(
              "uncrc",
              "\\bCRC\\b",
              "convention on the rights of the child",
              "convention relative aux droits de l'enfant",
              "convención sobre los derechos del niño"),
          rule(
              "uncmw",
              "\\b(?:ICRMW|ICMW|CMW|MWC)\\b",
              "(?:international )?convention on the protection of the rights of all migrant"
                  + " workers(?: and members of their families)?",
              "(?:convention internationale )?sur la protection des droits de tous les"
                  + " travailleurs migrants(?: et des membres de leur famille)?",
              "(?:convención internacional )?sobre la protección de los derechos de todos los"
                  + " trabajadores migratorios(?: y de sus familiares)?"),
          rule(
              "unced",
              "\\b(?:I?CPPED|I?CED)\\b",
              "(?:international )?convention for the protection of all persons from enforced"
                  + " disappearances?",
              "(?:convention internationale )?pour la protection de toutes les personnes contre"
                  + " les disparitions forcées",
              "(?:convención internacional )?para la protección de todas las personas contra las"
                  + " desapariciones forzadas"),
          rule(
              "unrome",
              null,
              "rome statute(?: of the international criminal court)?",
              "statut de rome(?: de la cour pénale internationale)?",
              "estatuto de roma(?: de la corte penal internacional)?"));

  private static final String CONVENTION_WORDS =
      CONVENTIONS.stream().map(Rule::word).collect(Collectors.joining("|", "(", ")"));

  /** Protocols by name, once the conventions have become words. */
  private static final List<Rule> PROTOCOL_NAMES =
      List.of(
          rule(
              "unopiccpr2",
              null,
              "second optional protocol (?:to|of) (?:the )?uniccpr(?:,? aiming at the abolition"
                  + " of the death penalty)?",
              "deuxième protocole facultatif (?:se rapportant )?(?:au |à l'|du )?uniccpr",
              "segundo protocolo facultativo (?:del |al )?uniccpr"),
          rule(
              "unopcrcac",
              null,
              "optional protocols? (?:to|of) (?:the )?uncrc on the involvement of children in"
                  + " armed conflicts?"),
          rule(
              "unopcrcsc",
              null,
              "optional protocols? (?:to|of) (?:the )?uncrc on the sale of children,? child"
                  + " prostitution and child pornography"),
          rule(
              "unopcrcic",
              null,
              "optional protocols? (?:to|of) (?:the )?uncrc on a communications? procedure"));

  /** Any other optional protocol to a convention: “unop” and the convention's word. */
  private static final List<Pattern> OTHER_PROTOCOLS =
      Stream.of(
              "(?:first )?optional protocols? (?:to|of) (?:the )?" + CONVENTION_WORDS,
              "protocoles? facultatifs? (?:se rapportant |relatifs? )?(?:à la |à l'|au |aux |à |de"
                  + " la |du )"
                  + CONVENTION_WORDS,
              "protocolos? facultativos? (?:de la |del |a la |al )" + CONVENTION_WORDS)
          .map(TreatyNames::anyCase)
          .toList();

  /** The words the names become, to be kept from stemming. */
  static final CharArraySet WORDS = words();

  private TreatyNames() {}

  /** Finds texts that may name a treaty, so that most texts skip the patterns below. */
  private static final Pattern MAY_NAME_A_TREATY =
      Pattern.compile(
          "\\b(?:OP|CAT|I?C[A-Z]{1,5}|MWC)|(?iu:conven|covenant|protoc|statut|pacte|pacto)");

  /** The text with every treaty name it knows replaced by the treaty's word. */
  static String normalise(String text) {
    if (!MAY_NAME_A_TREATY.matcher(text).find()) {
      return text;
    }
    String result = text;
    for (List<Rule> rules : List.of(PROTOCOL_ACRONYMS, CONVENTIONS, PROTOCOL_NAMES)) {
      for (Rule rule : rules) {
        result = rule.apply(result);
      }
    }
    for (Pattern pattern : OTHER_PROTOCOLS) {
      result = pattern.matcher(result).replaceAll(m -> " unop" + m.group(1).substring(2) + " ");
    }
    return result;
  }

  private static Rule acronym(String word, String acronym) {
    return rule(word, acronym);
  }

  /**
   * @param acronym a case-sensitive pattern, or null
   * @param names case-insensitive patterns; a space stands for any run of white space and an
   *     apostrophe for either apostrophe
   */
  private static Rule rule(String word, String acronym, String... names) {
    List<Pattern> patterns = new ArrayList<>();
    if (acronym != null) {
      patterns.add(Pattern.compile(acronym));
    }
    for (String name : names) {
      patterns.add(anyCase(name));
    }
    return new Rule(word, List.copyOf(patterns));
  }

  private static Pattern anyCase(String name) {
    return Pattern.compile(name.replace(" ", "\\s+").replace("'", "['’]\\s*"), ANY_CASE);
  }

  private static CharArraySet words() {
    List<String> words = new ArrayList<>();
    for (Rule rule : CONVENTIONS) {
      words.add(rule.word());
      words.add("unop" + rule.word().substring(2));
    }
    PROTOCOL_ACRONYMS.forEach(rule -> words.add(rule.word()));
    return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
  }

  /** Patterns that all become one word. */
  private record Rule(String word, List<Pattern> patterns) {

    String apply(String text) {
      String result = text;
      for (Pattern pattern : patterns) {
        result = pattern.matcher(result).replaceAll(" " + word + " ");
      }
      return result;
    }
  }
}
