package org.coopera.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.coopera.platform.Csv;
import org.coopera.recommendations.importing.CooperaTemplate;

/**
 * A Coopera-template CSV of made-up but plausible recommendations, the same for the same seed:
 * twelve States under review (by ISO code or name), UPR sessions of all four cycles with their
 * document symbols and paragraphs, one to three recommending States, the four responses, UHRI
 * themes, SDG targets and affected groups from the reference data, and one row in six a treaty-body
 * observation. About one UPR row in twenty repeats an earlier recommendation with another
 * recommending State, as UPR Info writes a recommendation made by several States, so the import
 * merges it. Every row is valid.
 */
public final class TemplateFile {

  /** States under review, as a file writes them, and their ISO codes. */
  private static final Map<String, String> STATES =
      Map.ofEntries(
          Map.entry("PRY", "PRY"),
          Map.entry("SVN", "SVN"),
          Map.entry("Kenya", "KEN"),
          Map.entry("BRA", "BRA"),
          Map.entry("Philippines", "PHL"),
          Map.entry("FRA", "FRA"),
          Map.entry("Nepal", "NPL"),
          Map.entry("MEX", "MEX"),
          Map.entry("Tunisia", "TUN"),
          Map.entry("IDN", "IDN"),
          Map.entry("Ghana", "GHA"),
          Map.entry("URY", "URY"));

  private static final List<String> STATES_WRITTEN = STATES.keySet().stream().sorted().toList();
  private static final List<String> RECOMMENDING =
      List.of(
          "France",
          "Lithuania",
          "CHL",
          "ARG",
          "Norway",
          "DEU",
          "Canada",
          "ESP",
          "Portugal",
          "ITA",
          "Japan",
          "AUS",
          "Mexico",
          "Uruguay",
          "BEL",
          "Sweden",
          "NLD",
          "Senegal",
          "ZAF",
          "Brazil",
          "Ireland",
          "CHE",
          "Morocco",
          "Egypt",
          "IND",
          "Indonesia",
          "Peru",
          "Costa Rica",
          "NZL",
          "Austria");
  private static final List<String> TREATY_BODIES = List.of("CEDAW", "CRC", "CCPR", "CESCR", "CAT");
  private static final List<String> VERBS =
      List.of(
          "Ratify",
          "Strengthen",
          "Adopt",
          "Ensure the effective implementation of",
          "Take measures to guarantee",
          "Allocate sufficient resources to",
          "Continue its efforts to improve",
          "Intensify efforts to promote",
          "Consider establishing",
          "Review and amend",
          "Develop a national plan on",
          "Step up measures to protect",
          "Ensure full access to",
          "Bring into line with international standards",
          "Expedite the adoption of",
          "Establish an independent body to monitor",
          "Raise awareness of",
          "Improve data collection on",
          "Guarantee in law and in practice",
          "Extend a standing invitation regarding");
  private static final List<String> OBJECTS =
      List.of(
          "the Optional Protocol to the Convention against Torture",
          "the national human rights institution, in line with the Paris Principles",
          "legislation prohibiting all forms of discrimination",
          "birth registration for all children",
          "the right to education for children with disabilities",
          "the protection of human rights defenders and journalists",
          "access to justice for indigenous peoples",
          "the independence of the judiciary",
          "measures to combat trafficking in persons",
          "the prevention of gender-based violence against women and girls",
          "freedom of expression online and offline",
          "conditions of detention and the reduction of pre-trial detention",
          "the right to health in rural areas",
          "the rights of migrants, refugees and asylum seekers",
          "the abolition of corporal punishment in all settings",
          "the participation of women in political and public life",
          "the elimination of child labour",
          "the right to adequate housing and protection from forced evictions",
          "the International Convention for the Protection of All Persons from Enforced"
              + " Disappearance",
          "the rights of persons belonging to minorities",
          "the investigation of allegations of torture and ill-treatment",
          "access to safe drinking water and sanitation",
          "the fight against corruption in public administration",
          "the rights of lesbian, gay, bisexual, transgender and intersex persons",
          "the right to social security",
          "the protection of children from sexual exploitation",
          "the freedom of peaceful assembly and of association",
          "inclusive education and the reduction of school drop-out",
          "the rights of older persons",
          "environmental protection and the right to a healthy environment",
          "the ombudsman's mandate and resources",
          "the treaty reporting obligations",
          "the juvenile justice system",
          "the right to work and just conditions of work",
          "maternal and infant mortality",
          "the rights of persons with disabilities",
          "hate speech and incitement to violence",
          "the right to food",
          "land rights of rural communities",
          "the eradication of statelessness");
  private static final List<String> QUALIFIERS =
      List.of(
          "",
          ", in consultation with civil society",
          ", with particular attention to rural areas",
          ", in line with its international obligations",
          ", with the support of the international community",
          ", including through adequate budget allocation",
          ", and ensure that those responsible are brought to justice",
          ", in particular for women and girls",
          ", in accordance with the recommendations of the treaty bodies",
          ", and report on progress in its next review",
          ", with the technical assistance of OHCHR",
          ", at all levels of government",
          ", and ensure its implementation throughout the territory",
          ", in cooperation with UNICEF",
          ", paying attention to the most vulnerable groups",
          ", as previously recommended",
          ", by allocating human, technical and financial resources",
          ", with a view to full compliance with the Convention",
          ", and provide training to law enforcement officials",
          ", including in the context of the COVID-19 pandemic",
          ", and ensure effective remedies for victims",
          ", in accordance with the 2030 Agenda",
          ", and collect disaggregated data",
          ", through a comprehensive strategy",
          ", and evaluate its impact regularly");
  private static final List<String> TAILS =
      List.of(
          ".",
          " without delay.",
          " as a matter of priority.",
          " within a clear timeframe.",
          " by the next review.",
          " in law and in practice.",
          " through a participatory process.",
          " in all regions of the country.",
          " with measurable indicators.",
          " and raise public awareness thereof.");

  private final Random random;
  private final Map<Integer, Integer> cycles = new LinkedHashMap<>();
  private final List<String> themes = new ArrayList<>();
  private final List<String> sdgTargets = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();

  private TemplateFile(long seed) {
    this.random = new Random(seed);
    for (List<String> row : reference("upr_sessions.csv")) {
      cycles.put(Integer.valueOf(row.get(0)), Integer.valueOf(row.get(2)));
    }
    for (List<String> row : reference("themes.csv")) {
      if (!row.get(row.size() - 1).isEmpty()) {
        themes.add(row.get(0));
      }
    }
    reference("sdg_targets.csv").forEach(row -> sdgTargets.add(row.get(0)));
    reference("affected_groups.csv").forEach(row -> groups.add(row.get(0)));
  }

  /** The file: UTF-8 CSV, the template's heading row and {@code rows} rows. */
  public static byte[] generate(int rows, long seed) {
    TemplateFile file = new TemplateFile(seed);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Csv csv =
        Csv.start(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), CooperaTemplate.COLUMNS)) {
      List<List<String>> written = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        List<String> row = file.row(written);
        written.add(row);
        csv.row(row);
      }
    }
    return bytes.toByteArray();
  }

  private List<String> row(List<List<String>> written) {
    if (written.size() > 10 && random.nextInt(20) == 0) {
      List<String> earlier = written.get(written.size() - 1 - random.nextInt(10));
      if ("UPR".equals(earlier.get(2))) {
        List<String> again = new ArrayList<>(earlier);
        again.set(10, pick(RECOMMENDING));
        return again;
      }
    }
    return random.nextInt(6) == 0 ? treatyBody() : upr();
  }

  private List<String> upr() {
    int session = 1 + random.nextInt(cycles.size());
    String symbol = "A/HRC/" + (8 + session / 2) + "/" + (10 + random.nextInt(40));
    String response = response();
    return List.of(
        "",
        pick(STATES_WRITTEN),
        "UPR",
        random.nextBoolean() ? String.valueOf(cycles.get(session)) : "",
        String.valueOf(session),
        symbol,
        (90 + random.nextInt(60)) + "." + (1 + random.nextInt(220)),
        "",
        random.nextBoolean() ? "en" : "",
        text(),
        recommendingStates(),
        response,
        random.nextInt(8) == 0 ? "The State considers that this is already being implemented." : "",
        "pending".equals(response) ? "" : symbol + "/Add.1",
        random.nextInt(3) == 0 ? "" : String.valueOf(1 + random.nextInt(5)),
        some(themes, 1, 3),
        some(sdgTargets, 0, 2),
        some(groups, 0, 2));
  }

  private List<String> treatyBody() {
    String body = pick(TREATY_BODIES);
    String state = pick(STATES_WRITTEN);
    int year = 2008 + random.nextInt(18);
    String date =
        String.format("%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
    return List.of(
        "",
        state,
        body,
        "",
        "",
        body + "/C/" + STATES.get(state) + "/CO/" + (2 + random.nextInt(7)),
        (10 + random.nextInt(40)) + "(" + (char) ('a' + random.nextInt(6)) + ")",
        random.nextInt(4) == 0 ? String.valueOf(year) : date,
        "en",
        text(),
        "",
        "pending",
        "",
        "",
        "",
        some(themes, 1, 3),
        some(sdgTargets, 0, 2),
        some(groups, 1, 2));
  }

  private String text() {
    return pick(VERBS) + " " + pick(OBJECTS) + pick(QUALIFIERS) + pick(TAILS);
  }

  private String response() {
    int r = random.nextInt(100);
    return r < 60 ? "supported" : r < 88 ? "noted" : r < 94 ? "supported-in-part" : "pending";
  }

  private String recommendingStates() {
    List<String> states = new ArrayList<>();
    int n = random.nextInt(10) < 8 ? 1 : 2 + random.nextInt(2);
    while (states.size() < n) {
      String state = pick(RECOMMENDING);
      if (!states.contains(state)) {
        states.add(state);
      }
    }
    return String.join(";", states);
  }

  private String some(List<String> from, int min, int max) {
    List<String> chosen = new ArrayList<>();
    int n = min + random.nextInt(max - min + 1);
    while (chosen.size() < n) {
      String value = pick(from);
      if (!chosen.contains(value)) {
        chosen.add(value);
      }
    }
    return String.join(";", chosen);
  }

  private String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  /** The data rows of a reference CSV whose first cells hold no comma (codes and numbers). */
  private static List<List<String>> reference(String name) {
    try (InputStream in = TemplateFile.class.getResourceAsStream("/reference/" + name)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
      List<List<String>> rows = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          rows.add(List.of(lines[i].split(",", -1)));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
