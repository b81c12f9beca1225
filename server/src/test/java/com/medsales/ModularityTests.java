package com.medsales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

  /**
   * Where the module documentation is written (relative to the server module, Maven's working
   * directory).
   */
  static final Path DOCS = Path.of("target", "spring-modulith-docs");

  private final ApplicationModules modules = ApplicationModules.of(MedsalesApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }

  /**
   * docs/modules.puml, the diagram docs/architecture.md shows, is the one the code gives. Compared
   * as sorted lines: the order in which the generator lists modules and relations is not part of
   * the diagram.
   */
  @Test
  void committedModuleDiagramIsTheGeneratedOne() throws IOException {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
        .writeModulesAsPlantUml();
    Path generated = DOCS.resolve("components.puml");
    Path committed =
        Files.exists(Path.of("..", "docs"))
            ? Path.of("..", "docs", "modules.puml")
            : Path.of("docs", "modules.puml");

    assertThat(sortedLines(committed))
        .as(
            "docs/modules.puml differs from the module diagram of the code; refresh it from the repository root with"
                + " `cp server/%s docs/modules.puml` and commit it",
            generated)
        .isEqualTo(sortedLines(generated));
  }

  private static List<String> sortedLines(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .sorted()
        .toList();
  }
}
