package org.coopera.capacity.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coopera.capacity.internal.Texts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures the report quotes (para 94: "more than 350 State officials from 135 States"),
 * computed from the events: officials trained (participants who attended an event that ended in the
 * period, each person once: the same name from the same State counts once), States reached, and
 * trainers certified in the period, for a region or the world, with the States behind them. No name
 * appears in them.
 */
@Service
@Transactional(readOnly = true)
public class TrainingFigures {

  private final JdbcClient jdbc;

  TrainingFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The period and region asked; all optional.
   *
   * @param region an M49 region, sub-region or intermediate region code
   */
  public record Period(LocalDate from, LocalDate to, String region) {}

  /** The figures, and for each State reached its own. */
  public record Figures(
      Period period,
      long officialsTrained,
      long statesReached,
      long trainersCertified,
      long events,
      List<StateFigures> states) {}

  /** One State's officials trained and trainers certified in the period. */
  public record StateFigures(
      String iso3, String name, String region, long officialsTrained, long trainersCertified) {}

  public Figures figures(Period period) {
    Map<String, Object> params = new HashMap<>();
    List<String> where = new ArrayList<>();
    if (period.from() != null) {
      params.put("from", period.from());
      where.add("e.ends_on >= :from");
    }
    if (period.to() != null) {
      params.put("to", period.to());
      where.add("e.ends_on <= :to");
    }
    String region = Texts.clean(period.region());
    if (region != null) {
      params.put("region", region);
      where.add(":region in (s.region_code, s.sub_region_code, s.intermediate_region_code)");
    }
    String condition = where.isEmpty() ? "" : " and " + String.join(" and ", where);
    String trained =
        """
        select distinct lower(p.full_name) as person, p.state_iso3
        from event_participant p
        join training_event e on e.id = p.event_id
        join state s on s.iso3 = p.state_iso3
        where p.attended
        """
            + condition;
    String certified =
        """
        select distinct c.trainer_id, t.state_iso3
        from trainer_certification c
        join training_event e on e.id = c.event_id
        join trainer t on t.id = c.trainer_id
        join state s on s.iso3 = t.state_iso3
        where true
        """
            + condition;
    long officials =
        jdbc.sql("select count(*) from (" + trained + ") x")
            .params(params)
            .query(Long.class)
            .single();
    long certifiedCount =
        jdbc.sql("select count(*) from (" + certified + ") x")
            .params(params)
            .query(Long.class)
            .single();
    long events =
        jdbc.sql(
                "select count(distinct e.id) from training_event e join event_participant p on"
                    + " p.event_id = e.id join state s on s.iso3 = p.state_iso3 where p.attended"
                    + condition)
            .params(params)
            .query(Long.class)
            .single();
    List<StateFigures> states =
        jdbc.sql(
                "select s.iso3, s.name, r.name as region,"
                    + " (select count(*) from ("
                    + trained
                    + ") x where x.state_iso3 = s.iso3) as trained,"
                    + " (select count(*) from ("
                    + certified
                    + ") y where y.state_iso3 = s.iso3) as certified"
                    + " from state s join region r on r.code = s.region_code"
                    + " where s.iso3 in (select state_iso3 from ("
                    + trained
                    + ") z)"
                    + " order by 4 desc, s.name")
            .params(params)
            .query(
                (rs, n) ->
                    new StateFigures(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5)))
            .list();
    return new Figures(period, officials, states.size(), certifiedCount, events, states);
  }
}
