package org.coopera.funds.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.assistance.ProjectMoney;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The allocations, disbursements and expenditures of projects, in one query for all of them. */
@Service
@Transactional(readOnly = true)
class FundProjectMoney implements ProjectMoney {

  private static final String MOVEMENTS =
      """
      select a.project_id, 'COMMITMENT' as type, a.decided_on as day, a.amount_usd, f.code,
             f.name, a.purpose as description, a.created_at
      from fund_allocation a join fund f on f.code = a.fund_code
      where a.project_id in (:ids)
      union all
      select a.project_id, 'DISBURSEMENT', d.disbursed_on, d.amount_usd, f.code, f.name, null,
             d.created_at
      from fund_disbursement d
      join fund_allocation a on a.id = d.allocation_id
      join fund f on f.code = a.fund_code
      where a.project_id in (:ids)
      union all
      select a.project_id, 'EXPENDITURE', e.spent_on, e.amount_usd, f.code, f.name, e.description,
             e.created_at
      from fund_expenditure e
      join fund_allocation a on a.id = e.allocation_id
      join fund f on f.code = a.fund_code
      where a.project_id in (:ids)
      order by 1, 3, 8
      """;

  private final JdbcClient jdbc;

  FundProjectMoney(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<UUID, List<Transaction>> transactions(Collection<UUID> projects) {
    Map<UUID, List<Transaction>> found = new LinkedHashMap<>();
    if (projects.isEmpty()) {
      return found;
    }
    jdbc.sql(MOVEMENTS)
        .param("ids", List.copyOf(projects))
        .query(
            rs -> {
              found
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(
                      new Transaction(
                          Type.valueOf(rs.getString(2)),
                          rs.getObject(3, LocalDate.class),
                          rs.getObject(4, BigDecimal.class),
                          rs.getString(5),
                          rs.getString(6),
                          rs.getString(7)));
            });
    return found;
  }
}
