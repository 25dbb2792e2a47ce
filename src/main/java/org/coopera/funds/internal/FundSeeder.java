package org.coopera.funds.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The three UN voluntary funds exist in every installation: added at start-up when missing, never
 * changed once there (an administrator may have edited their description).
 */
@Component
class FundSeeder {

  private record Seed(String code, String name, String description) {}

  private static final List<Seed> FUNDS =
      List.of(
          new Seed(
              "VFTC",
              "UN Voluntary Fund for Technical Cooperation in the Field of Human Rights",
              "Established by Commission on Human Rights resolution 1987/38; managed by OHCHR."),
          new Seed(
              "UPR_VFTA",
              "Voluntary Fund for Financial and Technical Assistance in the Implementation of the"
                  + " Universal Periodic Review",
              "Established by Human Rights Council resolution 6/17."),
          new Seed(
              "UPR_VFP",
              "Voluntary Fund for Participation in the Universal Periodic Review",
              "Established by Human Rights Council resolution 6/17."));

  private final JdbcClient jdbc;
  private final Clock clock;

  FundSeeder(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void seed() {
    for (Seed seed : FUNDS) {
      jdbc.sql(
              """
              insert into fund (code, name, kind, description, created_at)
              values (?, ?, 'UN_VOLUNTARY_FUND', ?, ?) on conflict (code) do nothing
              """)
          .params(seed.code(), seed.name(), seed.description(), Timestamp.from(clock.instant()))
          .update();
    }
  }
}
