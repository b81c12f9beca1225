package com.medsales.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The deployment files at the repository's root, and the command-line tools that check them. */
final class DeployFiles {

  private DeployFiles() {}

  static Path root() {
    return Path.of(System.getProperty("medsales.repo-root", "..")).toAbsolutePath().normalize();
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }

  static String read(String relative) throws IOException {
    return Files.readString(file(relative), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String relative) throws IOException {
    return (Map<String, Object>)
        new Yaml(new SafeConstructor(new LoaderOptions())).load(read(relative));
  }

  /**
   * A tool on the PATH (or in /usr/sbin, where Debian puts nginx). Missing, the test is skipped
   * (and says so) on a developer's machine, and fails under CI ({@code CI} set), where {@code
   * .ci/run} installs it.
   */
  static Path tool(String name, String installHint) {
    return tool(name, installHint, true);
  }

  /**
   * As {@link #tool(String, String)}; {@code requiredInCi} false skips under CI too (a tool CI may
   * not have).
   */
  static Path tool(String name, String installHint, boolean requiredInCi) {
    String path =
        System.getenv().getOrDefault("PATH", "")
            + File.pathSeparator
            + "/usr/sbin"
            + File.pathSeparator
            + "/usr/local/bin";
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    if (requiredInCi && System.getenv("CI") != null) {
      fail(name + " is not on the PATH; " + installHint);
    }
    Assumptions.abort(name + " is not on the PATH (" + installHint + "); skipped outside CI");
    throw new AssertionError("unreachable");
  }

  record Result(int exitCode, String output) {}

  static Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
    var process =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in 2 minutes");
    }
    return new Result(process.exitValue(), output);
  }
}
