package org.coopera.assistance.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coopera.assistance.ProjectLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Projects read by other modules. */
@Service
@Transactional(readOnly = true)
class JdbcProjectLookup implements ProjectLookup {

  private static final String SELECT =
      "select id, state_iso3, title, status, published, budget_amount, budget_currency from project ";

  private final JdbcClient jdbc;

  JdbcProjectLookup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ProjectRef> project(UUID id) {
    return jdbc.sql(SELECT + "where id = ?").param(id).query(this::row).optional();
  }

  @Override
  public List<ProjectRef> all() {
    return jdbc.sql(SELECT + "order by lower(title)").query(this::row).list();
  }

  private ProjectRef row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new ProjectRef(
        rs.getObject("id", UUID.class),
        rs.getString("state_iso3"),
        rs.getString("title"),
        rs.getString("status"),
        rs.getBoolean("published"),
        rs.getBigDecimal("budget_amount"),
        rs.getString("budget_currency"));
  }
}
