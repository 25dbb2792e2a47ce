package org.coopera.assistance.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.coopera.FileMutations;
import org.coopera.FileMutations.Mutation;

/**
 * The official annotated IATI 2.03 activity example (its activity pointed at a project, as the
 * import needs), damaged by {@link FileMutations} and read: no exception escapes, the reading
 * either holds activities or explains itself, and every problem is a message of the bundle. 400
 * tries, fixed seed.
 */
class IatiActivityFileProperties {

  private static final Properties MESSAGES = FileMutations.messages("i18n/projects");
  private static final byte[] SAMPLE =
      new String(
              FileMutations.resource("iati/activity-standard-example-annotated.xml"),
              StandardCharsets.UTF_8)
          .replaceFirst(
              "<related-activity ref=\"[^\"]*\"", "<related-activity ref=\"XM-COOPERA-PROJECT\"")
          .getBytes(StandardCharsets.UTF_8);

  @Provide
  Arbitrary<List<Mutation>> damage() {
    return FileMutations.mutations();
  }

  @Property(tries = 400, seed = "1201")
  void aDamagedActivityFileIsReadOrExplained(@ForAll("damage") List<Mutation> damage) {
    byte[] mutant = FileMutations.apply(SAMPLE, damage);
    IatiActivityFile.Reading reading =
        IatiActivityFile.read(mutant, "XM-COOPERA-PROJECT"::equals, id -> false);
    assertThat(
            reading.activities().isEmpty()
                && reading.skipped().isEmpty()
                && reading.problems().isEmpty())
        .as("says nothing")
        .isFalse();
    for (IatiActivityFile.Problem problem : reading.problems()) {
      assertThat(MESSAGES).containsKey(problem.key());
    }
  }
}
