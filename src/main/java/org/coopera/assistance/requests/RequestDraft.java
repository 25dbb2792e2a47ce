package org.coopera.assistance.requests;

import java.util.List;

/**
 * What a State official typed into the request form (or sent to the API).
 *
 * @param recommendations the recommendations addressed, each by id or by code
 * @param providers the providers addressed, each {@code org:CODE} or {@code state:ISO3}
 */
public record RequestDraft(
    String title,
    String summary,
    List<String> areas,
    List<String> forms,
    List<String> languages,
    List<String> priorities,
    List<String> recommendations,
    List<String> clusters,
    List<String> providers,
    Boolean confidential) {

  static <T> List<T> orEmpty(List<T> values) {
    return values == null ? List.of() : values;
  }
}
