package org.coopera.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SearchGateTest {

  @Test
  void noMoreSearchesRunAtOnceThanTheGateHoldsAndEveryOneRuns() throws Exception {
    SearchGate gate = new SearchGate(2);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> searches = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        searches.add(
            threads.submit(
                () -> {
                  start.await();
                  return gate.through(
                      () -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                          Thread.sleep(2);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        running.decrementAndGet();
                        return n;
                      });
                }));
      }
      start.countDown();
      int sum = 0;
      for (Future<Integer> search : searches) {
        sum += search.get(30, TimeUnit.SECONDS);
      }
      assertThat(sum).isEqualTo(39 * 40 / 2);
      assertThat(most.get()).isEqualTo(2);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aSearchThatFailsFreesItsPlace() {
    SearchGate gate = new SearchGate(1);
    assertThatThrownBy(
            () ->
                gate.through(
                    () -> {
                      throw new IllegalArgumentException("broken query");
                    }))
        .hasMessage("broken query");
    assertThat(gate.<String>through(() -> "next")).isEqualTo("next");
  }

  @Test
  void withoutASizeTheGateHoldsOneSearchPerProcessor() {
    assertThat(new SearchGate(0).size()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(new SearchGate(3).size()).isEqualTo(3);
  }
}
