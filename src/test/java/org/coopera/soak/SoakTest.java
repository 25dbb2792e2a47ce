package org.coopera.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The soak's own rules: loopback only, bounded, and how it judges memory and reads JSON. */
class SoakTest {

  @Test
  void loadsOnlyThisMachine() throws Exception {
    Soak.requireLoopback(URI.create("http://127.0.0.1:8080"));
    Soak.requireLoopback(URI.create("http://localhost:8080"));
    Soak.requireLoopback(URI.create("http://[::1]:8080"));
    assertThatThrownBy(() -> Soak.requireLoopback(URI.create("http://192.0.2.10:8080")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a loopback address");
    assertThatThrownBy(() -> Soak.requireLoopback(URI.create("http://10.1.2.3")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isBoundedInClientsAndTime() {
    URI base = URI.create("http://127.0.0.1:8080");
    assertThatThrownBy(
            () ->
                new Soak.Settings(
                    base,
                    501,
                    Duration.ofMinutes(1),
                    Duration.ZERO,
                    Duration.ofMinutes(1),
                    Optional.empty(),
                    1))
        .hasMessageContaining("--clients");
    assertThatThrownBy(
            () ->
                new Soak.Settings(
                    base,
                    100,
                    Duration.ofMinutes(61),
                    Duration.ZERO,
                    Duration.ofMinutes(1),
                    Optional.empty(),
                    1))
        .hasMessageContaining("at most 60 min");
  }

  @Test
  void judgesMemoryFromTheSecondSampleOn() {
    List<Soak.MemorySample> flat =
        List.of(
            sample(0, 300_000), sample(60, 120_000), sample(120, 125_000), sample(600, 130_000));
    assertThat(Soak.verdict(flat)).startsWith("stable: ");
    List<Soak.MemorySample> growing =
        List.of(
            sample(0, 100_000), sample(60, 120_000), sample(120, 150_000), sample(600, 200_000));
    assertThat(Soak.verdict(growing)).startsWith("GROWING: ");
    assertThat(Soak.verdict(List.of(sample(0, 1), sample(1, 1)))).startsWith("not judged");
  }

  @Test
  void readsTheApisJson() {
    Map<String, Object> json =
        Soak.Json.object(
            "{\"id\": \"a\\u00e9\", \"version\": 3, \"cost\": 1.5e2, \"ok\": true, \"none\": null,"
                + " \"items\": [{\"key\": \"x\"}, []], \"text\": \"line\\nnext \\\"q\\\"\"}");
    assertThat(json.get("id")).isEqualTo("aé");
    assertThat(json.get("version")).isEqualTo(3L);
    assertThat(json.get("cost")).isEqualTo(150.0);
    assertThat(json.get("ok")).isEqualTo(true);
    assertThat(json).containsEntry("none", null);
    assertThat(json.get("text")).isEqualTo("line\nnext \"q\"");
    assertThat(List.<Object>copyOf(Soak.Json.list("{\"total\": 1, \"items\": [1]}")))
        .containsExactly(1L);
    assertThat(List.<Object>copyOf(Soak.Json.list("[1, 2]"))).containsExactly(1L, 2L);
    assertThatThrownBy(() -> Soak.Json.parse("{\"a\": 1} x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Soak.MemorySample sample(long seconds, long kb) {
    return new Soak.MemorySample(Duration.ofSeconds(seconds), kb, kb * 2);
  }
}
