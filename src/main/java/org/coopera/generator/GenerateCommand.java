package org.coopera.generator;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command: with {@code --coopera.generate.run=true} the application starts as usual (database,
 * migrations, reference data, the funds seeded; the demo in demo mode), generates, prints what it
 * wrote, and stops (exit status 0, or 1 when the run failed or was refused).
 */
@Component
@ConditionalOnProperty(prefix = "coopera.generate", name = "run", havingValue = "true")
class GenerateCommand {

  private static final Logger log = LoggerFactory.getLogger(GenerateCommand.class);

  private final DataGenerator generator;
  private final GeneratorSettings settings;
  private final ConfigurableApplicationContext context;

  GenerateCommand(
      DataGenerator generator, GeneratorSettings settings, ConfigurableApplicationContext context) {
    this.generator = generator;
    this.settings = settings;
    this.context = context;
  }

  /** After every start-up task (the funds seeded, the treaties' sources imported, the demo). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void run() {
    int status = 0;
    try {
      GeneratorSettings resolved = settings.resolved();
      log.info(
          "Generating (seed {}): {} recommendations, {} actions, {} progress updates, {} projects,"
              + " {} trainees",
          resolved.seed(),
          resolved.recommendations(),
          resolved.actions(),
          resolved.progressUpdates(),
          resolved.projects(),
          resolved.trainees());
      GenerationReport report = generator.generate(resolved);
      print(report);
    } catch (RuntimeException e) {
      log.error("Data generation stopped: {}", e.getMessage());
      status = 1;
    }
    int exit = status;
    System.exit(SpringApplication.exit(context, () -> exit));
  }

  static void print(GenerationReport report) {
    StringBuilder out = new StringBuilder("Data generated\n");
    report.rows().forEach((table, rows) -> line(out, "  %-36s %,12d", table, rows));
    line(out, "  %-36s %,12d", "total", report.totalRows());
    line(
        out,
        "  generate and COPY %.1f s (%,.0f rows/s), analyze %.1f s, search index %.1f s",
        report.copyMillis() / 1000.0,
        report.rowsPerSecond(),
        report.analyzeMillis() / 1000.0,
        report.indexMillis() / 1000.0);
    line(
        out,
        "  peak heap %,d MiB (max %,d MiB)",
        report.peakHeapBytes() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    line(out, "  text length, real:      %s", report.realLengths());
    line(out, "  text length, generated: %s", report.generatedLengths());
    log.info(out.toString().stripTrailing());
  }

  private static void line(StringBuilder out, String format, Object... values) {
    out.append(String.format(Locale.ROOT, format, values)).append('\n');
  }
}
