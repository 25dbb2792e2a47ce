package org.coopera.bench.opensearch;

import java.io.*; import java.net.*; import java.net.http.*; import java.util.*;
import org.apache.lucene.analysis.*; import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
/**
 * Compares, on texts in the six UN languages and others, the words that the Lucene analyzers of
 * Coopera's SearchAnalysis make with those that a running OpenSearch node's built-in analyzers
 * (SearchAnalysisElasticsearch) make. Argument: the node's address, default http://127.0.0.1:9200.
 */
public class CompareAnalysis {
  static List<String> lucene(Analyzer a, String text) throws Exception {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", text)) { CharTermAttribute t = ts.addAttribute(CharTermAttribute.class); ts.reset(); while (ts.incrementToken()) out.add(t.toString()); ts.end(); }
    return out;
  }
  static List<String> os(String analyzer, String text) throws Exception {
    String body = "{\"analyzer\":\"" + analyzer + "\",\"text\":" + json(text) + "}";
    var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node + "/_analyze")).header("Content-Type","application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    List<String> out = new ArrayList<>(); var m = java.util.regex.Pattern.compile("\"token\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(r.body());
    while (m.find()) out.add(m.group(1).replace("\\'", "'").replace("\\\"", "\""));
    return out;
  }
  static String json(String s) { return "\"" + s.replace("\\","\\\\").replace("\"","\\\"") + "\""; }
  static String node;

  public static void main(String[] args) throws Exception {
    node = args.length > 0 ? args[0] : "http://127.0.0.1:9200";
    String[][] cases = {
      {"english","en","Women's rights: ensure that victims of torture are compensated; strengthening the national human rights institutions"},
      {"french","fr","Garantir l'indépendance des avocats et renforcer les institutions nationales des droits de l'homme; les femmes victimes"},
      {"spanish","es","Investigar todas las denuncias de torturas y sancionar a los responsables; derechos de las mujeres indígenas"},
      {"russian","ru","Расследовать все жалобы на пытки и привлечь виновных к ответственности; права женщин"},
      {"arabic","ar","التحقيق في جميع حالات التعذيب ومحاسبة المسؤولين عنها وحقوق المرأة والمؤسسات الوطنية"},
      {"cjk","zh","调查所有酷刑案件并追究责任人，加强国家人权机构。Women's rights"},
      {"standard","other","Zajistit nezávislost advokátů; Frauenrechte stärken; 女性の権利"}};
    Map<String, Analyzer> lu = Map.of("en", new org.apache.lucene.analysis.en.EnglishAnalyzer(), "fr", new org.apache.lucene.analysis.fr.FrenchAnalyzer(), "es", new org.apache.lucene.analysis.es.SpanishAnalyzer(), "ru", new org.apache.lucene.analysis.ru.RussianAnalyzer(), "ar", new org.apache.lucene.analysis.ar.ArabicAnalyzer(), "zh", new org.apache.lucene.analysis.cjk.CJKAnalyzer(), "other", new org.apache.lucene.analysis.standard.StandardAnalyzer());
    for (String[] c : cases) {
      var a = lucene(lu.get(c[1]), c[2]); var b = os(c[0], c[2]);
      System.out.println(c[1] + " (" + c[0] + "): " + (a.equals(b) ? "same " + a.size() + " tokens " + a : "DIFFERENT\n  lucene " + a + "\n  os     " + b));
    }
  }
}
