package org.coopera.assistance.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads projects with their partners, recommendations and providers: four queries whatever their
 * number.
 */
@Component
class ProjectRows {

  private static final String SELECT =
      "select p.*, s.name as state_name from project p join state s on s.iso3 = p.state_iso3 ";

  private final JdbcClient jdbc;

  ProjectRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Project> load(UUID id) {
    return complete(jdbc.sql(SELECT + "where p.id = ?").param(id).query(this::row).list()).stream()
        .findFirst();
  }

  List<Project> list(Projects.Filter filter) {
    String state = Texts.clean(filter.state());
    String region = Texts.clean(filter.region());
    String status = Texts.clean(filter.status());
    return complete(
        jdbc.sql(
                SELECT
                    + "where (cast(:state as text) is null or p.state_iso3 = :state)"
                    + " and (cast(:region as text) is null or s.region_code = :region"
                    + " or s.sub_region_code = :region)"
                    + " and (cast(:status as text) is null or p.status = :status)"
                    + " order by p.start_date desc, lower(p.title)")
            .param("state", state == null ? null : state.toUpperCase())
            .param("region", region)
            .param("status", status == null ? null : status.toUpperCase())
            .query(this::row)
            .list());
  }

  private record Row(Project project) {}

  private Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        new Project(
            rs.getObject("id", UUID.class),
            rs.getObject("request_id", UUID.class),
            rs.getString("state_iso3"),
            rs.getString("state_name"),
            rs.getString("iati_identifier"),
            rs.getString("title"),
            rs.getString("description"),
            rs.getString("status"),
            rs.getObject("start_date", LocalDate.class),
            rs.getObject("end_date", LocalDate.class),
            rs.getBigDecimal("budget_amount"),
            rs.getString("budget_currency"),
            rs.getBoolean("published"),
            rs.getString("suspended_reason"),
            List.of(),
            List.of(),
            List.of(),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getLong("version")));
  }

  private List<Project> complete(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = rows.stream().map(r -> r.project().id()).toList();
    Map<UUID, List<Project.Partner>> partners = new HashMap<>();
    jdbc.sql(
            """
            select pp.project_id, pp.organisation_code, pp.partner_state, pp.iati_role,
                   coalesce(o.name, s.name) as name
            from project_partner pp
            left join organisation o on o.code = pp.organisation_code
            left join state s on s.iso3 = pp.partner_state
            where pp.project_id in (:ids) order by pp.iati_role, name
            """)
        .param("ids", ids)
        .query(
            rs -> {
              partners
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(
                      new Project.Partner(
                          rs.getString(2), rs.getString(3), rs.getString(5), rs.getInt(4)));
            });
    Map<UUID, List<UUID>> recommendations = new HashMap<>();
    jdbc.sql(
            "select project_id, recommendation_id from project_recommendation"
                + " where project_id in (:ids)")
        .param("ids", ids)
        .query(
            rs -> {
              recommendations
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(rs.getObject(2, UUID.class));
            });
    Map<UUID, List<Provider>> providers = new HashMap<>();
    jdbc.sql(
            """
            select p.id, rp.organisation_code, rp.provider_state from project p
            join assistance_request_provider rp on rp.request_id = p.request_id
            where p.id in (:ids) and rp.answer = 'ACCEPTED'
            """)
        .param("ids", ids)
        .query(
            rs -> {
              providers
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(new Provider(rs.getString(2), rs.getString(3)));
            });
    return rows.stream()
        .map(Row::project)
        .map(
            p ->
                new Project(
                    p.id(),
                    p.requestId(),
                    p.stateIso3(),
                    p.stateName(),
                    p.iatiIdentifier(),
                    p.title(),
                    p.description(),
                    p.status(),
                    p.startDate(),
                    p.endDate(),
                    p.budgetAmount(),
                    p.budgetCurrency(),
                    p.published(),
                    p.suspendedReason(),
                    List.copyOf(partners.getOrDefault(p.id(), List.of())),
                    List.copyOf(recommendations.getOrDefault(p.id(), List.of())),
                    List.copyOf(providers.getOrDefault(p.id(), List.of())),
                    p.updatedAt(),
                    p.version()))
        .toList();
  }
}
