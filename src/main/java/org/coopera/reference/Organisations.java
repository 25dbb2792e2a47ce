package org.coopera.reference;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.InvalidParameterException;
import org.coopera.platform.ListPage;
import org.coopera.platform.PageParameters;
import org.coopera.platform.SqlFilter;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations that hold accounts, provide or fund assistance. Administrators add and edit
 * them; they are never deleted, since accounts and history refer to them.
 */
@Service
public class Organisations {

  public static final List<String> KINDS =
      List.of(
          "UN_ENTITY",
          "INTERGOVERNMENTAL",
          "NHRI",
          "NHRI_NETWORK",
          "NGO",
          "DONOR_AGENCY",
          "GOVERNMENT",
          "ACADEMIC",
          "OTHER");

  static final Pattern CODE = Pattern.compile("^[A-Z0-9_]{2,40}$");
  static final int MAX_NAME_LENGTH = 200;

  /** An organisation as its edit form shows it, with the version the editor saw. */
  public record Editable(String code, String name, String kind, String stateIso3, long version) {}

  private final JdbcClient jdbc;
  private final ReferenceData reference;

  Organisations(JdbcClient jdbc, ReferenceData reference) {
    this.jdbc = jdbc;
    this.reference = reference;
  }

  @Transactional(readOnly = true)
  public ListPage<ReferenceData.Organisation> search(
      String query, String kind, PageParameters paging) {
    SqlFilter filter = new SqlFilter();
    if (SqlFilter.hasText(query)) {
      String like = SqlFilter.containing(query);
      filter.and("(name ilike ? or code ilike ?)", like, like);
    }
    if (SqlFilter.hasText(kind)) {
      if (!KINDS.contains(kind)) {
        throw new InvalidParameterException(
            "kind", "parameter.error.organisation-kind", String.join(", ", KINDS));
      }
      filter.and("kind = ?", kind);
    }
    return filter.page(
        jdbc,
        "code, name, kind, state_iso3",
        "organisation",
        "lower(name)",
        new DataClassRowMapper<>(ReferenceData.Organisation.class),
        paging);
  }

  @Transactional(readOnly = true)
  public Optional<Editable> find(String code) {
    return jdbc.sql("select code, name, kind, state_iso3, version from organisation where code = ?")
        .param(code)
        .query(Editable.class)
        .optional();
  }

  /** Adds an organisation; returns its code. */
  @Transactional
  public String create(String code, String name, String kind, String stateIso3) {
    String normalisedCode = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (!CODE.matcher(normalisedCode).matches()) {
      throw new InvalidInputException("organisations.error.code", "code");
    }
    if (find(normalisedCode).isPresent()) {
      throw new InvalidInputException("organisations.error.code-taken", "code", normalisedCode);
    }
    Fields fields = check(name, kind, stateIso3, null);
    jdbc.sql("insert into organisation (code, name, kind, state_iso3) values (?, ?, ?, ?)")
        .params(normalisedCode, fields.name(), fields.kind(), fields.stateIso3())
        .update();
    return normalisedCode;
  }

  /** Changes an organisation, refusing the change when someone saved it since {@code version}. */
  @Transactional
  public void update(String code, long version, String name, String kind, String stateIso3) {
    Editable current =
        find(code)
            .orElseThrow(() -> new InvalidInputException("organisations.error.not-found", null));
    if (current.version() != version) {
      throw new InvalidInputException("organisations.error.stale", null);
    }
    Fields fields = check(name, kind, stateIso3, code);
    int updated =
        jdbc.sql(
                "update organisation set name = ?, kind = ?, state_iso3 = ?, version = version + 1"
                    + " where code = ? and version = ?")
            .params(fields.name(), fields.kind(), fields.stateIso3(), code, version)
            .update();
    if (updated == 0) {
      throw new InvalidInputException("organisations.error.stale", null);
    }
  }

  private record Fields(String name, String kind, String stateIso3) {}

  private Fields check(String name, String kind, String stateIso3, String ownCode) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidInputException("organisations.error.name-required", "name");
    }
    if (trimmed.length() > MAX_NAME_LENGTH) {
      throw new InvalidInputException("organisations.error.name-too-long", "name", MAX_NAME_LENGTH);
    }
    boolean nameTaken =
        jdbc.sql(
                "select count(*) > 0 from organisation where lower(name) = lower(?) and code is"
                    + " distinct from ?")
            .params(trimmed, ownCode)
            .query(Boolean.class)
            .single();
    if (nameTaken) {
      throw new InvalidInputException("organisations.error.name-taken", "name", trimmed);
    }
    if (kind == null || !KINDS.contains(kind)) {
      throw new InvalidInputException("organisations.error.kind", "kind");
    }
    String state = stateIso3 == null || stateIso3.isBlank() ? null : stateIso3.strip();
    if (state != null && reference.findState(state).isEmpty()) {
      throw new InvalidInputException("organisations.error.state", "stateIso3", state);
    }
    return new Fields(trimmed, kind, state);
  }
}
