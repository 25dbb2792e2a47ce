package org.coopera.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The posts of {@code layout/versions.html}'s forms, answered the same way for every kind of
 * record: saved, back to the record in the version's language; refused, the record's page again
 * with what was typed and why (400 for a bad field, 409 for a version changed meanwhile).
 */
public final class VersionForms {

  private VersionForms() {}

  /** A version form refused: what was typed in it and why. */
  public record Refused(
      String language, Map<String, String> typed, InvalidInputException error, String refusal) {}

  /**
   * Writes a version.
   *
   * @param path the record's page
   * @param write writes the version (the module's service checks who may and what was typed)
   * @param again renders the record's page again with the refused form
   */
  public static String save(
      String path,
      String language,
      Map<String, String> typed,
      Runnable write,
      Function<Refused, String> again,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      write.run();
      redirect.addFlashAttribute("notice", "versions.notice.saved");
      return "redirect:"
          + path
          + "?text="
          + URLEncoder.encode(language, StandardCharsets.UTF_8)
          + "#versions";
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return again.apply(new Refused(language, typed, e, null));
    } catch (ContentVersions.StaleVersion e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return again.apply(new Refused(language, typed, null, VersionsView.STALE));
    }
  }

  /** Removes a version, from the version read. */
  public static String remove(
      String path,
      String language,
      Runnable remove,
      Function<Refused, String> again,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      remove.run();
      redirect.addFlashAttribute("notice", "versions.notice.removed");
      return "redirect:" + path + "#versions";
    } catch (ContentVersions.StaleVersion e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      return again.apply(new Refused(language, Map.of(), null, VersionsView.STALE));
    }
  }
}
