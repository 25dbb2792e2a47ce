package org.coopera.platform;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code where} clause of a list query, built from optional filters with bound parameters
 * (never concatenated values), and the page of results it selects.
 */
public final class SqlFilter {

  private final List<String> conditions = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();

  /** Adds a condition with its {@code ?} parameters. */
  public SqlFilter and(String condition, Object... values) {
    conditions.add(condition);
    params.addAll(List.of(values));
    return this;
  }

  /** {@code " where a and b"}, or empty without conditions. */
  public String clause() {
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  public List<Object> params() {
    return List.copyOf(params);
  }

  /** A {@code like} pattern matching values that contain {@code text} literally. */
  public static String containing(String text) {
    return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  public static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }

  /**
   * One page of {@code select <columns> from <from> <where> order by <orderBy>}, with the total.
   */
  public <T> ListPage<T> page(
      JdbcClient jdbc,
      String columns,
      String from,
      String orderBy,
      RowMapper<T> mapper,
      PageParameters paging) {
    long total =
        jdbc.sql("select count(*) from " + from + clause())
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(paging.size());
    pageParams.add(paging.offset());
    List<T> items =
        jdbc.sql(
                "select "
                    + columns
                    + " from "
                    + from
                    + clause()
                    + " order by "
                    + orderBy
                    + " limit ? offset ?")
            .params(pageParams)
            .query(mapper)
            .list();
    return new ListPage<>(total, paging.page(), paging.size(), items);
  }
}
