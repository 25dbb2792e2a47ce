package org.coopera;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure of DESIGN.md holds: no cycles, no reach into another module's internals. */
class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(CooperaApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void theFoundationModulesExist() {
    assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .contains("platform", "reference", "identity");
  }

  @Test
  void writesTheModuleDocumentation() throws IOException {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    assertThat(new java.io.File("docs/modules/components.puml")).exists();
    for (Path diagram : diagrams()) {
      sortRelations(diagram);
    }
  }

  private static List<Path> diagrams() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("docs/modules"))) {
      return files.filter(f -> f.toString().endsWith(".puml")).toList();
    }
  }

  /**
   * Puts the relations of a diagram in a fixed order: the documenter writes them in the order it
   * finds them, which changes from run to run, and the files are kept in git.
   */
  private static void sortRelations(Path diagram) throws IOException {
    List<String> lines = Files.readAllLines(diagram);
    List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
    List<String> sorted = new ArrayList<>();
    boolean placed = false;
    for (String line : lines) {
      if (!line.startsWith("Rel(")) {
        sorted.add(line);
      } else if (!placed) {
        sorted.addAll(relations);
        placed = true;
      }
    }
    Files.write(diagram, sorted);
  }
}
