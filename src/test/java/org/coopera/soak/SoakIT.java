package org.coopera.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A short run of the soak test ({@code tools/soak/soak.sh} runs the long one) against the tests'
 * application over real HTTP, so that the soak stays runnable and its checks are themselves
 * checked: every request answered as expected, every acknowledged write found, heap sampled.
 */
@CooperaIntegrationTest
class SoakIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aShortSoakAnswersEveryRequestAndLosesNoAcknowledgedWrite() throws Exception {
    Soak.Settings settings =
        new Soak.Settings(
            URI.create("http://127.0.0.1:" + port),
            8,
            Duration.ofSeconds(12),
            Duration.ofMillis(100),
            Duration.ofSeconds(4),
            Optional.of(ProcessHandle.current().pid()),
            20261206L);

    Soak.Result result = Soak.run(settings, System.out);
    System.out.println(Soak.describe(settings, result));

    assertThat(result.errorSamples()).isEmpty();
    assertThat(result.errors()).isZero();
    assertThat(result.lostWrites()).isEmpty();
    assertThat(result.requests()).isGreaterThan(100);
    assertThat(result.acknowledgedWrites()).isGreaterThan(10);
    assertThat(result.checkedRecords()).isPositive();
    assertThat(result.figures())
        .extracting(Soak.Figures::operation)
        .contains(
            "api: draft request",
            "api: change request",
            "api: add action",
            "api: change action",
            "page: search",
            "page: workspace (signed in)");
    assertThat(result.memory()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(result.memory()).allMatch(m -> m.heapAfterGcKb() > 0);
    // every acknowledged request and action is in the database, as last acknowledged
    long drafted =
        jdbc.sql("select count(*) from assistance_request where title like 'soak 20261206-%'")
            .query(Long.class)
            .single();
    assertThat(drafted).isPositive();
    // the soak's tokens are revoked at its end
    assertThat(
            jdbc.sql("select count(*) from api_token where name = 'soak' and revoked_at is null")
                .query(Long.class)
                .single())
        .isZero();
  }

  /**
   * The other tests share this application: the demo coordinators' profiles list no token of the
   * soak's (the soak's requests and actions stay, as any test's writes do).
   */
  @AfterAll
  static void forgetTheSoaksTokens(@Autowired JdbcClient jdbc) {
    jdbc.sql("delete from api_token where name = 'soak' and revoked_at is not null").update();
  }
}
