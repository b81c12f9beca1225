package generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every generator's command line shares: options as {@code --name value} or {@code --name=value}, {@code --help},
 * failures (a message and exit status 2), the repository root, and the output written to FILE.part and renamed when
 * complete.
 */
public final class Cli {
  private static String program = "generator";

  private final Map<String, String> values = new HashMap<>();

  private Cli() {}

  /**
   * The options of args, each one of names; {@code -h} or {@code --help} prints usage and exits 0, anything else fails.
   * program prefixes the failure messages (also those of {@link NppesNpis}).
   */
  public static Cli parse(String program, String usage, String[] args, String... names) {
    Cli.program = program;
    Set<String> known = Set.of(names);
    Cli cli = new Cli();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        value = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      if (a.equals("-h") || a.equals("--help")) {
        System.out.println(usage);
        System.exit(0);
      }
      if (!known.contains(a)) {
        fail("unknown argument " + args[i] + " (try --help)");
      }
      if (value == null) {
        if (++i >= args.length) {
          fail(a + " needs a value");
        }
        value = args[i];
      }
      cli.values.put(a, value);
    }
    return cli;
  }

  /** A whole number (underscores and commas allowed as separators), or dflt when the option is absent. */
  public long number(String name, long dflt) {
    String v = values.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Long.parseLong(v.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      fail(name + ": not a number: " + v);
      return 0;
    }
  }

  /** A whole number between min and max, or dflt when the option is absent. */
  public long number(String name, long dflt, long min, long max) {
    long v = number(name, dflt);
    if (v < min || v > max) {
      fail(name + " must be between " + min + " and " + max);
    }
    return v;
  }

  /** The path given, or null. */
  public Path path(String name) {
    String v = values.get(name);
    return v == null ? null : Path.of(v);
  }

  public Path requiredPath(String name) {
    Path p = path(name);
    if (p == null) {
      fail(name + " FILE is required (try --help)");
    }
    return p;
  }

  /**
   * The repository root: {@code --repo}, else the first directory holding marker upwards from the launched source file,
   * the directory main's class was loaded from, or the current directory.
   */
  public Path repo(Class<?> main, String marker) {
    Path given = path("--repo");
    if (given != null) {
      return given;
    }
    List<Path> candidates = new ArrayList<>();
    String source = System.getProperty("jdk.launcher.sourcefile");
    if (source != null) {
      candidates.add(Path.of(source).toAbsolutePath());
    }
    try {
      var cs = main.getProtectionDomain().getCodeSource();
      if (cs != null && cs.getLocation() != null && "file".equals(cs.getLocation().getProtocol())) {
        candidates.add(Path.of(cs.getLocation().toURI()).toAbsolutePath());
      }
    } catch (Exception ignored) {
      // not a file location
    }
    String command = System.getProperty("sun.java.command", "");
    for (String token : command.split(" ")) {
      if (token.endsWith(".java")) {
        candidates.add(Path.of(token).toAbsolutePath());
      }
    }
    candidates.add(Path.of("").toAbsolutePath());
    for (Path start : candidates) {
      for (Path d = start; d != null; d = d.getParent()) {
        if (Files.isRegularFile(d.resolve(marker))) {
          return d;
        }
      }
    }
    fail("cannot find the repository root (no " + marker + " above this file or the current directory); pass --repo DIR");
    return null;
  }

  /** Prints "program: message" to stderr and exits with status 2. */
  public static void fail(String message) {
    System.err.println(program + ": " + message);
    System.exit(2);
  }

  /** Where to write out until it is complete (out + ".part"), its directory created. */
  public static Path partOf(Path out) throws IOException {
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    return out.resolveSibling(out.getFileName() + ".part");
  }

  /** Renames the complete part file to out, atomically, so that a cached file is never a partial one. */
  public static void publish(Path part, Path out) throws IOException {
    Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
