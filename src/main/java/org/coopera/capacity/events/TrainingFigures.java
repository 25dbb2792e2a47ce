package org.coopera.capacity.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coopera.capacity.internal.Texts;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
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
  private final ReferenceData reference;

  TrainingFigures(JdbcClient jdbc, ReferenceData reference) {
    this.jdbc = jdbc;
    this.reference = reference;
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
      List<StateFigures> states,
      List<Breakdown> byRegion,
      List<Breakdown> byYear) {}

  /**
   * The figures of one region (by its M49 region: Africa, Americas, Asia, Europe, Oceania) or one
   * year (the year the events ended) within the period. A person trained in two years counts in
   * each.
   */
  public record Breakdown(
      String key,
      String label,
      long officialsTrained,
      long statesReached,
      long trainersCertified) {}

  /**
   * One person behind the figures, with the events they attended in the period; for those who see
   * participants only.
   */
  public record Official(
      String fullName,
      String stateIso3,
      String stateName,
      String institutions,
      String events,
      boolean certified) {}

  /** One State's officials trained and trainers certified in the period. */
  public record StateFigures(
      String iso3, String name, String region, long officialsTrained, long trainersCertified) {}

  public Figures figures(Period period) {
    Map<String, Object> params = new HashMap<>();
    String condition = condition(period, params);
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
    return new Figures(
        period,
        officials,
        states.size(),
        certifiedCount,
        events,
        states,
        breakdown(
            "r.code", "r.name", " join region r on r.code = s.region_code", condition, params),
        breakdown(
            "cast(extract(year from e.ends_on) as text)",
            "cast(extract(year from e.ends_on) as text)",
            "",
            condition,
            params));
  }

  /**
   * The people behind the figures: each official trained in the period once, with the events they
   * attended; refused to anyone who may not see participants.
   */
  public List<Official> officials(Period period, CooperaUser user) {
    if (!TrainingEvents.mayManage(user)) {
      throw new AccessDeniedException("Administrators, agency officers and trainers only");
    }
    Map<String, Object> params = new HashMap<>();
    String condition = condition(period, params);
    return jdbc.sql(
            """
            select min(p.full_name), p.state_iso3, s.name,
              string_agg(distinct p.institution, '; '),
              string_agg(distinct e.title, '; '),
              bool_or(c.id is not null)
            from event_participant p
            join training_event e on e.id = p.event_id
            join state s on s.iso3 = p.state_iso3
            left join trainer_certification c
              on c.event_id = p.event_id and c.trainer_id = p.trainer_id
            where p.attended
            """
                + condition
                + " group by lower(p.full_name), p.state_iso3, s.name order by s.name, 1")
        .params(params)
        .query(
            (rs, n) ->
                new Official(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBoolean(6)))
        .list();
  }

  private List<Breakdown> breakdown(
      String key, String label, String join, String condition, Map<String, Object> params) {
    Map<String, Breakdown> found = new LinkedHashMap<>();
    jdbc.sql(
            "select "
                + key
                + ", "
                + label
                + ", count(distinct (lower(p.full_name), p.state_iso3)),"
                + " count(distinct p.state_iso3)"
                + " from event_participant p join training_event e on e.id = p.event_id"
                + " join state s on s.iso3 = p.state_iso3"
                + join
                + " where p.attended"
                + condition
                + " group by 1, 2 order by 1")
        .params(params)
        .query(
            rs -> {
              found.put(
                  rs.getString(1),
                  new Breakdown(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), 0));
            });
    jdbc.sql(
            "select "
                + key
                + ", count(distinct c.trainer_id) from trainer_certification c"
                + " join training_event e on e.id = c.event_id"
                + " join trainer t on t.id = c.trainer_id"
                + " join state s on s.iso3 = t.state_iso3"
                + join
                + " where true"
                + condition
                + " group by 1")
        .params(params)
        .query(
            rs -> {
              Breakdown b = found.get(rs.getString(1));
              if (b != null) {
                found.put(
                    b.key(),
                    new Breakdown(
                        b.key(),
                        b.label(),
                        b.officialsTrained(),
                        b.statesReached(),
                        rs.getLong(2)));
              }
            });
    return List.copyOf(found.values());
  }

  private String condition(Period period, Map<String, Object> params) {
    List<String> where = new ArrayList<>();
    if (period.from() != null) {
      params.put("from", period.from());
      where.add("e.ends_on >= :from");
    }
    if (period.to() != null) {
      params.put("to", period.to());
      where.add("e.ends_on <= :to");
    }
    if (period.from() != null && period.to() != null && period.to().isBefore(period.from())) {
      throw new InvalidInputException("capacity.error.period", "to");
    }
    String region = Texts.clean(period.region());
    if (region != null) {
      if (reference.findRegion(region).isEmpty()) {
        throw new InvalidInputException("capacity.error.region", "region", region);
      }
      params.put("region", region);
      where.add(":region in (s.region_code, s.sub_region_code, s.intermediate_region_code)");
    }
    return where.isEmpty() ? "" : " and " + String.join(" and ", where);
  }
}
