package org.coopera.implementation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.coopera.implementation.InstitutionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, the institutions of the demo States (Paraguay and Slovenia, whose demo accounts
 * exist) with the demo officials as focal points, once, when the workspace is still empty. The
 * names are those the States' own governments use.
 */
@Component
class DemoInstitutions {

  private static final Logger log = LoggerFactory.getLogger(DemoInstitutions.class);

  private record Demo(
      String iso3, String name, String acronym, InstitutionKind kind, List<String> focalPoints) {}

  private static final List<Demo> INSTITUTIONS =
      List.of(
          new Demo(
              "PRY",
              "Ministerio de Relaciones Exteriores",
              "MRE",
              InstitutionKind.MINISTRY,
              List.of("coordinator.pry@demo.coopera.org")),
          new Demo(
              "PRY",
              "Ministerio de Justicia",
              "MJ",
              InstitutionKind.MINISTRY,
              List.of("focal.pry@demo.coopera.org")),
          new Demo(
              "PRY",
              "Ministerio de la Mujer",
              null,
              InstitutionKind.MINISTRY,
              List.of("focal.pry@demo.coopera.org")),
          new Demo("PRY", "Corte Suprema de Justicia", "CSJ", InstitutionKind.JUDICIARY, List.of()),
          new Demo("PRY", "Defensoría del Pueblo", null, InstitutionKind.NHRI, List.of()),
          new Demo(
              "SVN",
              "Ministry of Foreign and European Affairs",
              "MZEZ",
              InstitutionKind.MINISTRY,
              List.of("coordinator.svn@demo.coopera.org")),
          new Demo(
              "SVN",
              "Ministry of Justice",
              "MP",
              InstitutionKind.MINISTRY,
              List.of("focal.svn@demo.coopera.org")),
          new Demo("SVN", "Human Rights Ombudsman", null, InstitutionKind.NHRI, List.of()),
          new Demo("SVN", "National Assembly", "DZ", InstitutionKind.PARLIAMENT, List.of()),
          new Demo(
              "SVN",
              "Ministry of Labour, Family, Social Affairs and Equal Opportunities",
              "MDDSZ",
              InstitutionKind.MINISTRY,
              List.of("focal.svn@demo.coopera.org")),
          new Demo(
              "SVN",
              "Government Office for National Minorities",
              "UN",
              InstitutionKind.AGENCY,
              List.of()));

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final DemoWorkspace workspace;
  private final boolean demo;

  DemoInstitutions(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Clock clock,
      DemoWorkspace workspace,
      @Value("${coopera.demo:false}") boolean demo) {
    this.workspace = workspace;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  void addDemoInstitutions() {
    if (!demo || jdbc.sql("select count(*) from institution").query(Long.class).single() > 0) {
      return;
    }
    transactions.executeWithoutResult(tx -> INSTITUTIONS.forEach(this::add));
    log.info("Demo data: {} institutions of Paraguay and Slovenia", INSTITUTIONS.size());
    Integer planned = transactions.execute(tx -> workspace.add());
    log.info("Demo data: {} of Slovenia's recommendations assigned, with their plan", planned);
  }

  private void add(Demo demo) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into institution (id, state_iso3, name, acronym, kind, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(id, demo.iso3(), demo.name(), demo.acronym(), demo.kind().name(), now, now)
        .update();
    for (String email : demo.focalPoints()) {
      jdbc.sql(
              """
              insert into institution_focal_point (institution_id, account_id)
              select ?, id from account where email = ?
              """)
          .params(id, email)
          .update();
    }
  }
}
