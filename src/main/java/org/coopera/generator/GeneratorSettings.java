package org.coopera.generator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What to generate ({@code coopera.generate.*}). Counts left unset follow the proportions
 * at the scale of {@code recommendations}: at a million, 50,000 actions, 100,000 progress updates,
 * 10,000 projects and 20,000 trainees.
 *
 * @param run generate at start, then stop (the command)
 * @param seed the seed: the same seed and counts give the same rows
 * @param recommendations recommendations to generate (default 1,000,000)
 * @param actions planned actions in the States' workspaces
 * @param progressUpdates progress updates on those actions
 * @param projects assistance projects, each with its request, assessment, activities and funding
 * @param trainees participants of training events (20 an event)
 * @param auditRows write one audit entry per generated row (slow) instead of one for the run
 */
@ConfigurationProperties("coopera.generate")
public record GeneratorSettings(
    boolean run,
    Long seed,
    Integer recommendations,
    Integer actions,
    Integer progressUpdates,
    Integer projects,
    Integer trainees,
    boolean auditRows) {

  public static final long DEFAULT_SEED = 20_261_128L;
  static final int FULL_SCALE = 1_000_000;

  /** The settings with every count given: unset ones scaled from the figures. */
  public GeneratorSettings resolved() {
    int size = recommendations == null ? FULL_SCALE : recommendations;
    GeneratorSettings resolved =
        new GeneratorSettings(
            run,
            seed == null ? DEFAULT_SEED : seed,
            size,
            actions == null ? scaled(50_000, size) : actions,
            progressUpdates == null ? scaled(100_000, size) : progressUpdates,
            projects == null ? scaled(10_000, size) : projects,
            trainees == null ? scaled(20_000, size) : trainees,
            auditRows);
    resolved.check();
    return resolved;
  }

  /** The counts for {@code recommendations} at the proportions, with this seed. */
  public static GeneratorSettings atScale(int recommendations, long seed) {
    return new GeneratorSettings(false, seed, recommendations, null, null, null, null, false)
        .resolved();
  }

  private void check() {
    if (recommendations < 1) {
      throw new IllegalArgumentException("coopera.generate.recommendations must be at least 1");
    }
    if (actions < 0 || progressUpdates < 0 || projects < 0 || trainees < 0) {
      throw new IllegalArgumentException("coopera.generate counts cannot be negative");
    }
    if ((actions + 1) / 2 > recommendations || projects > recommendations) {
      throw new IllegalArgumentException(
          "coopera.generate: at most two actions and one project per recommendation");
    }
    if (progressUpdates > 0 && actions == 0) {
      throw new IllegalArgumentException("coopera.generate: progress updates need actions");
    }
  }

  private static int scaled(int atFullScale, int size) {
    return (int) Math.round(atFullScale * (double) size / FULL_SCALE);
  }
}
