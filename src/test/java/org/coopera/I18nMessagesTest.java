package org.coopera;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Static checks of the message bundles (src/main/resources/i18n) and of the Thymeleaf templates
 * that use them. No Spring context: the files are read directly, so the test is fast.
 *
 * <p>The languages are discovered from the files present: {@code <base>.properties} is English,
 * {@code <base>_<lang>.properties} is another language of the same bundle.
 */
class I18nMessagesTest {

  private static final Path BUNDLES = Path.of("src/main/resources/i18n");
  private static final Path TEMPLATES = Path.of("src/main/resources/templates");

  /** The language of {@code <base>.properties}, the bundle Spring falls back to. */
  private static final String ENGLISH = "en";

  /**
   * Keys whose value may legitimately be the same in English and in a translation (names, codes,
   * words shared by both languages). Only values of more than {@value #MAX_WORDS_OF_SHARED_VALUE}
   * words are compared at all.
   */
  private static final Set<String> SAME_IN_EVERY_LANGUAGE =
      Set.of(
          "app.name",
          "nav.api",
          "pagination.label",
          "state.iso3",
          "state.iso2",
          "audit.table",
          "audit.arrow",
          "account.scope.organisation",
          "tokens.actions",
          "region.150");

  private static final int MAX_WORDS_OF_SHARED_VALUE = 3;

  private static final Pattern BUNDLE_FILE =
      Pattern.compile("([^_]+)(?:_([A-Za-z]{2,3}(?:_[A-Za-z0-9]+)*))?\\.properties");

  /** {@code #{some.key}} or {@code #{some.key(args)}}. */
  private static final Pattern STATIC_KEY =
      Pattern.compile("#\\{\\s*([A-Za-z0-9_][A-Za-z0-9_.\\-]*)\\s*(?=[(}])");

  /** {@code #messages.msg('some.key')}, {@code #messages.msgOrNull('some.key', ...)}. */
  private static final Pattern MESSAGES_UTILITY_KEY =
      Pattern.compile(
          "#messages\\.msg(?:OrNull|WithParams|OrNullWithParams)?\\(\\s*'([A-Za-z0-9_.\\-]+)'\\s*[,)]");

  private static final Pattern MESSAGE_ARGUMENT = Pattern.compile("\\{\\s*\\d+\\s*[,}]");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final Pattern INLINED_EXPRESSION = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]");

  /** Attributes whose value is shown to (or read out for) the user. */
  private static final List<String> TEXT_ATTRIBUTES =
      List.of(
          "title",
          "alt",
          "placeholder",
          "label",
          "aria-label",
          "aria-description",
          "aria-placeholder",
          "aria-roledescription",
          "aria-valuetext");

  /** Input types whose {@code value} attribute is the visible caption of a button. */
  private static final Set<String> BUTTON_INPUT_TYPES = Set.of("submit", "button", "reset");

  // ---------------------------------------------------------------------------------------------
  // The checks of the real files
  // ---------------------------------------------------------------------------------------------

  @Test
  void everyLanguageHasEveryKey() throws IOException {
    List<String> problems = missingKeys(loadBundles());
    assertThat(problems)
        .withFailMessage(
            report(
                "Message bundles lack keys that another language of the same bundle has"
                    + " (add them, translated, to each file listed)",
                problems))
        .isEmpty();
  }

  /**
   * Every language of the interface (the default of {@code coopera.web.languages}, read from the
   * configuration record itself) has a file for every bundle: a language half-added fails the
   * build, not the person reading it.
   */
  @Test
  void everyInterfaceLanguageHasEveryBundle() throws Exception {
    List<String> languages = interfaceLanguages();
    assertThat(languages).contains(ENGLISH, "ar", "zh", "fr", "ru", "es");
    List<Bundle> bundles = loadBundles();
    List<String> problems = new ArrayList<>();
    for (String base :
        bundles.stream().map(Bundle::base).collect(Collectors.toCollection(TreeSet::new))) {
      for (String language : languages) {
        if (bundles.stream()
            .noneMatch(b -> b.base().equals(base) && b.language().equals(language))) {
          problems.add(Bundle.fileName(base, language) + ": missing (language of the interface)");
        }
      }
    }
    assertThat(problems)
        .withFailMessage(report("Interface languages without their message bundles", problems))
        .isEmpty();
  }

  private static List<String> interfaceLanguages() throws ClassNotFoundException {
    Class<?> properties = Class.forName("org.coopera.platform.web.WebProperties");
    return List.of(
        properties
            .getDeclaredConstructors()[0]
            .getParameters()[0]
            .getAnnotation(org.springframework.boot.context.properties.bind.DefaultValue.class)
            .value());
  }

  @Test
  void templatesUseOnlyDefinedKeys() throws IOException {
    Set<String> englishKeys = new TreeSet<>();
    for (Bundle bundle : loadBundles()) {
      if (bundle.language().equals(ENGLISH)) {
        englishKeys.addAll(bundle.messages().keySet());
      }
    }
    assertThat(englishKeys).as("the English bundles define keys").isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> template : loadTemplates().entrySet()) {
      problems.addAll(undefinedKeys(template.getKey(), template.getValue(), englishKeys));
    }
    assertThat(problems)
        .withFailMessage(
            report(
                "Templates use message keys that no English bundle (i18n/<base>.properties)"
                    + " defines",
                problems))
        .isEmpty();
  }

  @Test
  void templatesHaveNoLiteralText() throws IOException {
    Map<String, String> templates = loadTemplates();
    assertThat(templates).as("templates found under " + TEMPLATES).isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> template : templates.entrySet()) {
      problems.addAll(literalText(template.getKey(), template.getValue()));
    }
    assertThat(problems)
        .withFailMessage(
            report(
                "Templates carry literal user-facing text: use th:text=\"#{key}\" (or th:<attr>"
                    + "=\"#{key}\" for attributes) with a key in every language",
                problems))
        .isEmpty();
  }

  @Test
  void messagesWithArgumentsEscapeApostrophes() throws IOException {
    List<String> problems = badMessageFormats(loadBundles());
    assertThat(problems)
        .withFailMessage(
            report(
                "Messages with arguments ({0}...) are MessageFormat patterns: write an apostrophe"
                    + " as '' or use the typographic ’",
                problems))
        .isEmpty();
  }

  @Test
  void everyLanguageIsTranslated() throws IOException {
    List<String> problems = untranslated(loadBundles());
    assertThat(problems)
        .withFailMessage(
            report(
                "Messages are blank, or a translation is a copy of the English text (if the value"
                    + " is legitimately the same, add the key to SAME_IN_EVERY_LANGUAGE)",
                problems))
        .isEmpty();
  }

  /** The detectors find planted problems, so the checks above cannot pass vacuously. */
  @Test
  void detectorsFindPlantedProblems() throws IOException {
    Bundle english =
        bundle(
            "sample", ENGLISH, "a=One\nb=Two\nc=The file {0} isn't here\nd=Same words in both\n");
    Bundle french =
        bundle("sample", "fr", "a=Un\nc=Le fichier {0} n’est pas là\nd=Same words in both\ne= \n");
    Bundle otherEnglish = bundle("other", ENGLISH, "x=X\n");
    assertThat(missingKeys(List.of(english, french, otherEnglish)))
        .containsExactlyInAnyOrder(
            "sample.properties: e",
            "sample_fr.properties: b",
            "other_fr.properties: the whole file is missing (other bundles have language fr)");
    assertThat(badMessageFormats(List.of(english, french)))
        .containsExactly("sample.properties: c = The file {0} isn't here");
    assertThat(untranslated(List.of(english, french)))
        .containsExactlyInAnyOrder(
            "sample_fr.properties: d = Same words in both (same as English)",
            "sample_fr.properties: e is blank");

    String template =
        """
        <!DOCTYPE html>
        <html xmlns:th="http://www.thymeleaf.org" th:replace="~{layout/page :: page(~{::title}, ~{::#c})}">
        <head><title th:text="#{t}">Placeholder title</title><script>var ok = 'yes';</script></head>
        <body>
        <div id="c">
          <h1 th:text="#{known}">Placeholder is fine</h1>
          <p>Planted literal text</p>
          <span aria-hidden="true">·</span> → 12 —
          <button type="button" aria-label="Close" aria-expanded="false"></button>
          <img alt="Logo" src="x.png">
          <img alt="logo" th:alt="#{known}" src="x.png">
          <input type="submit" value="Send">
          <input type="hidden" name="x" value="on">
          <nav th:replace="~{other :: nav}"><a title="Replaced">Replaced anyway</a></nav>
          <div sec:authorize="isAuthenticated()">Not replaced</div>
          <p th:text="#{unknown.key}"></p>
          <p th:text="#{known.arg(${x})}"></p>
          <p th:text="#{|region.${code}|}"></p>
          <p th:text="#{|missing.${code}|}"></p>
          <p th:text="#{|error.${code}.heading|}"></p>
          <p th:text="#{|error.${code}.missing|}"></p>
          <p th:text="#{${dynamic}}"></p>
        </div>
        </body>
        </html>
        """;
    assertThat(literalText("sample.html", template))
        .containsExactlyInAnyOrder(
            "sample.html:7: text \"Planted literal text\"",
            "sample.html:9: aria-label=\"Close\" on <button>",
            "sample.html:10: alt=\"Logo\" on <img>",
            "sample.html:12: value=\"Send\" on <input type=submit>",
            "sample.html:15: text \"Not replaced\"");
    assertThat(
            undefinedKeys(
                "sample.html",
                template,
                Set.of("t", "known", "known.arg", "region.002", "error.404.heading")))
        .containsExactlyInAnyOrder(
            "sample.html:16: #{unknown.key}",
            "sample.html:19: #{|missing.${...}|} (no key matches missing.*)",
            "sample.html:21: #{|error.${...}.missing|} (no key matches error.*.missing)");
  }

  // ---------------------------------------------------------------------------------------------
  // Detectors (static and file-free, so that the self-test can feed them samples)
  // ---------------------------------------------------------------------------------------------

  record Bundle(String base, String language, Map<String, String> messages) {

    String fileName() {
      return fileName(base, language);
    }

    static String fileName(String base, String language) {
      return language.equals(ENGLISH)
          ? base + ".properties"
          : base + "_" + language + ".properties";
    }
  }

  /** Every key of a bundle in one language is in every other language of it; no file is missing. */
  static List<String> missingKeys(List<Bundle> bundles) {
    Set<String> languages =
        bundles.stream().map(Bundle::language).collect(Collectors.toCollection(TreeSet::new));
    Map<String, List<Bundle>> byBase = new TreeMap<>();
    bundles.forEach(b -> byBase.computeIfAbsent(b.base(), k -> new ArrayList<>()).add(b));
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<Bundle>> entry : byBase.entrySet()) {
      Set<String> allKeys = new TreeSet<>();
      entry.getValue().forEach(b -> allKeys.addAll(b.messages().keySet()));
      Map<String, Bundle> byLanguage = new TreeMap<>();
      entry.getValue().forEach(b -> byLanguage.put(b.language(), b));
      for (String language : languages) {
        Bundle bundle = byLanguage.get(language);
        if (bundle == null) {
          problems.add(
              Bundle.fileName(entry.getKey(), language)
                  + ": the whole file is missing (other bundles have language "
                  + language
                  + ")");
          continue;
        }
        for (String key : allKeys) {
          if (!bundle.messages().containsKey(key)) {
            problems.add(bundle.fileName() + ": " + key);
          }
        }
      }
    }
    return problems;
  }

  /** Messages with arguments are valid MessageFormat patterns without a lone apostrophe. */
  static List<String> badMessageFormats(List<Bundle> bundles) {
    List<String> problems = new ArrayList<>();
    for (Bundle bundle : bundles) {
      bundle
          .messages()
          .forEach(
              (key, value) -> {
                if (!MESSAGE_ARGUMENT.matcher(value).find()) {
                  return;
                }
                if (value.replace("''", "").contains("'")) {
                  problems.add(bundle.fileName() + ": " + key + " = " + value);
                  return;
                }
                try {
                  new MessageFormat(value, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                  problems.add(
                      bundle.fileName()
                          + ": "
                          + key
                          + " = "
                          + value
                          + " (not a valid MessageFormat pattern: "
                          + e.getMessage()
                          + ")");
                }
              });
    }
    return problems;
  }

  /** No value is blank; no translation of more than a few words is a copy of the English. */
  static List<String> untranslated(List<Bundle> bundles) {
    Map<String, Bundle> english = new TreeMap<>();
    bundles.stream()
        .filter(b -> b.language().equals(ENGLISH))
        .forEach(b -> english.put(b.base(), b));
    List<String> problems = new ArrayList<>();
    for (Bundle bundle : bundles) {
      Bundle reference = english.get(bundle.base());
      bundle
          .messages()
          .forEach(
              (key, value) -> {
                if (value.isBlank()) {
                  problems.add(bundle.fileName() + ": " + key + " is blank");
                  return;
                }
                if (reference == null
                    || reference == bundle
                    || SAME_IN_EVERY_LANGUAGE.contains(key)) {
                  return;
                }
                String englishValue = reference.messages().get(key);
                if (englishValue != null
                    && englishValue.strip().equals(value.strip())
                    && value.strip().split("\\s+").length > MAX_WORDS_OF_SHARED_VALUE) {
                  problems.add(
                      bundle.fileName()
                          + ": "
                          + key
                          + " = "
                          + value.strip()
                          + " (same as English)");
                }
              });
    }
    return problems;
  }

  /** Static keys must be defined; literal-prefix dynamic keys must match at least one key. */
  static List<String> undefinedKeys(String file, String template, Set<String> keys) {
    List<String> problems = new ArrayList<>();
    for (Pattern pattern : List.of(STATIC_KEY, MESSAGES_UTILITY_KEY)) {
      Matcher m = pattern.matcher(template);
      while (m.find()) {
        if (!keys.contains(m.group(1))) {
          problems.add(
              file
                  + ":"
                  + lineOf(template, m.start())
                  + ": "
                  + (pattern == STATIC_KEY ? "#{" + m.group(1) + "}" : m.group()));
        }
      }
    }
    // Literal substitutions: #{|prefix.${expr}.suffix|}, possibly with arguments: #{|...|(args)}
    int from = 0;
    while ((from = template.indexOf("#{|", from)) >= 0) {
      int start = from;
      int i = from + 3;
      StringBuilder regex = new StringBuilder();
      StringBuilder shown = new StringBuilder();
      StringBuilder literal = new StringBuilder();
      boolean dynamic = false;
      while (i < template.length()
          && !template.startsWith("|}", i)
          && !template.startsWith("|(", i)) {
        if (template.startsWith("${", i) || template.startsWith("*{", i)) {
          regex.append(Pattern.quote(literal.toString())).append(".+");
          shown.append(literal).append("*");
          literal.setLength(0);
          dynamic = true;
          i++; // past '$' or '*', onto the opening brace
          int depth = 0;
          do {
            char c = template.charAt(i);
            if (c == '{') {
              depth++;
            } else if (c == '}') {
              depth--;
            }
            i++;
          } while (depth > 0 && i < template.length());
        } else {
          literal.append(template.charAt(i++));
        }
      }
      from = i;
      regex.append(Pattern.quote(literal.toString()));
      shown.append(literal);
      String fixed = shown.toString().replace("*", "");
      if (!dynamic) {
        if (!keys.contains(shown.toString())) {
          problems.add(file + ":" + lineOf(template, start) + ": #{|" + shown + "|}");
        }
        continue;
      }
      if (fixed.isEmpty()) {
        continue; // wholly dynamic: cannot be checked statically
      }
      Pattern keyPattern = Pattern.compile(regex.toString());
      if (keys.stream().noneMatch(k -> keyPattern.matcher(k).matches())) {
        problems.add(
            file
                + ":"
                + lineOf(template, start)
                + ": #{|"
                + shown.toString().replace("*", "${...}")
                + "|} (no key matches "
                + shown
                + ")");
      }
    }
    return problems;
  }

  /** Text nodes and text attributes that the rendering does not replace must carry no letters. */
  static List<String> literalText(String file, String html) {
    Document document = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
    List<String> problems = new ArrayList<>();
    for (Element element : document.getAllElements()) {
      if (isInsideScriptOrStyle(element)) {
        continue;
      }
      if (!bodyIsReplaced(element)) {
        for (TextNode textNode : element.textNodes()) {
          String text = INLINED_EXPRESSION.matcher(textNode.getWholeText()).replaceAll("");
          if (LETTER.matcher(text).find()) {
            problems.add(
                file + ":" + lineOf(textNode) + ": text \"" + abbreviate(textNode.text()) + "\"");
          }
        }
      }
      if (attributesAreReplaced(element)) {
        continue;
      }
      for (String attribute : TEXT_ATTRIBUTES) {
        if (element.hasAttr(attribute)
            && LETTER.matcher(element.attr(attribute)).find()
            && !hasThymeleafCounterpart(element, attribute)) {
          problems.add(
              file
                  + ":"
                  + lineOf(element)
                  + ": "
                  + attribute
                  + "=\""
                  + abbreviate(element.attr(attribute))
                  + "\" on <"
                  + element.tagName()
                  + ">");
        }
      }
      String type = element.attr("type").toLowerCase(Locale.ROOT);
      if (element.nameIs("input")
          && BUTTON_INPUT_TYPES.contains(type)
          && LETTER.matcher(element.attr("value")).find()
          && !hasThymeleafCounterpart(element, "value")) {
        problems.add(
            file
                + ":"
                + lineOf(element)
                + ": value=\""
                + abbreviate(element.attr("value"))
                + "\" on <input type="
                + type
                + ">");
      }
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private static boolean isInsideScriptOrStyle(Element element) {
    for (Element e = element; e != null; e = e.parent()) {
      if (e.nameIs("script") || e.nameIs("style")) {
        return true;
      }
    }
    return false;
  }

  /** The element's children (text included) are replaced at render time, by it or an ancestor. */
  private static boolean bodyIsReplaced(Element element) {
    for (Element e = element; e != null; e = e.parent()) {
      if (replacesOwnBody(e)) {
        return true;
      }
    }
    return false;
  }

  /** The element's attributes do not reach the page: it, or an ancestor's body, is replaced. */
  private static boolean attributesAreReplaced(Element element) {
    if (isReplacedAsAWhole(element)) {
      return true;
    }
    Element parent = element.parent();
    return parent != null && bodyIsReplaced(parent);
  }

  private static boolean replacesOwnBody(Element e) {
    String remove = th(e, "remove");
    return th(e, "text") != null
        || th(e, "utext") != null
        || isFragmentCall(th(e, "insert"))
        || isReplacedAsAWhole(e)
        || "body".equals(remove);
  }

  private static boolean isReplacedAsAWhole(Element e) {
    return isFragmentCall(th(e, "replace")) || "all".equals(th(e, "remove"));
  }

  /**
   * A th:replace or th:insert that swaps in another fragment. One that passes parts of this very
   * template as parameters ({@code ~{::title}}) keeps their text, so it does not count.
   */
  private static boolean isFragmentCall(String value) {
    return value != null && !value.replace(" ", "").contains("~{::");
  }

  private static boolean hasThymeleafCounterpart(Element element, String attribute) {
    if (th(element, attribute) != null) {
      return true;
    }
    if ((attribute.equals("alt") || attribute.equals("title"))
        && th(element, "alt-title") != null) {
      return true;
    }
    String attr = th(element, "attr");
    return attr != null
        && Pattern.compile("(^|[\\s,])" + Pattern.quote(attribute) + "\\s*=").matcher(attr).find();
  }

  /** The value of {@code th:name} or {@code data-th-name}, or null. */
  private static String th(Element element, String name) {
    for (String attribute : List.of("th:" + name, "data-th-" + name)) {
      if (element.hasAttr(attribute)) {
        return element.attr(attribute);
      }
    }
    return null;
  }

  private static int lineOf(Node node) {
    int line = node.sourceRange().start().lineNumber();
    if (node instanceof TextNode text) {
      String whole = text.getWholeText();
      int firstVisible = 0;
      while (firstVisible < whole.length() && Character.isWhitespace(whole.charAt(firstVisible))) {
        firstVisible++;
      }
      line += (int) whole.substring(0, firstVisible).chars().filter(c -> c == '\n').count();
    }
    return line;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String abbreviate(String text) {
    String stripped = text.strip().replaceAll("\\s+", " ");
    return stripped.length() <= 80 ? stripped : stripped.substring(0, 77) + "...";
  }

  private static String report(String heading, List<String> problems) {
    return heading + " (" + problems.size() + "):\n  " + String.join("\n  ", problems);
  }

  private static Bundle bundle(String base, String language, String content) throws IOException {
    return new Bundle(base, language, read(new StringReader(content)));
  }

  private static Map<String, String> read(Reader reader) throws IOException {
    Properties properties = new Properties();
    properties.load(reader);
    Map<String, String> messages = new TreeMap<>();
    properties.stringPropertyNames().forEach(k -> messages.put(k, properties.getProperty(k)));
    return messages;
  }

  private static List<Bundle> loadBundles() throws IOException {
    List<Bundle> bundles = new ArrayList<>();
    try (Stream<Path> files = Files.list(BUNDLES)) {
      for (Path file : files.sorted().toList()) {
        Matcher m = BUNDLE_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        String language = m.group(2) == null ? ENGLISH : m.group(2);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          bundles.add(new Bundle(m.group(1), language, read(reader)));
        }
      }
    }
    assertThat(bundles).as("message bundles found in " + BUNDLES).isNotEmpty();
    return bundles;
  }

  /** Template path (relative to the templates folder) to its content. */
  private static Map<String, String> loadTemplates() throws IOException {
    Map<String, String> templates = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
        templates.put(
            "templates/" + TEMPLATES.relativize(file).toString().replace('\\', '/'),
            Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return templates;
  }
}
