package org.coopera.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every foreign key has an index that starts with its columns, unless it points at a table whose
 * rows are never deleted nor re-keyed: otherwise each lookup of a parent's children, and each
 * delete of a parent, scans the child table. A new foreign key without an index fails here.
 */
@CooperaIntegrationTest
class ForeignKeyIndexIT {

  /** Tables whose rows stay: accounts are disabled, not deleted; the rest is reference data. */
  static final Set<String> KEPT =
      Set.of(
          "account",
          "state",
          "region",
          "instrument",
          "mechanism",
          "theme",
          "organisation",
          "upr_cycle",
          "upr_session",
          "sdg_target");

  @Autowired JdbcClient jdbc;

  @Test
  void everyForeignKeyToRowsThatMayGoHasAnIndex() {
    List<String> missing =
        jdbc.sql(
                """
                select c.conrelid::regclass || ' (' || string_agg(a.attname, ', ' order by k.n)
                       || ') -> ' || c.confrelid::regclass
                from pg_constraint c
                cross join lateral unnest(c.conkey) with ordinality as k(attnum, n)
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
                where c.contype = 'f'
                  and c.connamespace = 'public'::regnamespace
                  and not (c.confrelid::regclass::text = any (:kept))
                  and not exists (
                    select 1 from pg_index i
                    where i.indrelid = c.conrelid
                      and (i.indkey::int2[])[0 : array_length(c.conkey, 1) - 1] @> c.conkey
                      and (i.indkey::int2[])[0 : array_length(c.conkey, 1) - 1] <@ c.conkey)
                group by c.oid, c.conrelid, c.confrelid
                order by 1
                """)
            .param("kept", KEPT.toArray(String[]::new))
            .query(String.class)
            .list();
    assertThat(missing).as("foreign keys without an index").isEmpty();
  }
}
