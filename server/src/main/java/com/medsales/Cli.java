package com.medsales;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import org.flywaydb.core.Flyway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * The command line of {@code java -jar medsales.jar}.
 *
 * <p>No arguments (or only Spring options such as {@code --server.port=9090}) runs the platform. A
 * subcommand runs one job against the configured database and exits: 0 on success, non-zero with a
 * one-line reason on standard error. picocli gives typed options, generated help and subcommands
 * that modules add as their jobs arrive ({@code ingest nppes ...}); each job command starts Spring
 * without a web server and with no roles, so no worker or scheduler runs beside it.
 */
@Command(
    name = "medsales",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description =
        "MedSales: medical sales intelligence and CRM.%nWithout a command, runs the platform.",
    subcommands = {
      Cli.Serve.class,
      Cli.Migrate.class,
      Cli.Ingest.class,
      Cli.TenantCreate.class,
      Cli.OperatorCreate.class
    })
public final class Cli implements Callable<Integer> {

  /** Returned by commands that leave the server running: main must not exit. */
  static final int KEEP_RUNNING = -1;

  @Unmatched List<String> springArgs = new ArrayList<>();

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != KEEP_RUNNING) {
      System.exit(code);
    }
  }

  static CommandLine commandLine() {
    return new CommandLine(new Cli())
        .setExecutionExceptionHandler(
            (ex, cmd, parseResult) -> {
              cmd.getErr().println("medsales: " + oneLine(ex));
              return 1;
            });
  }

  @Override
  public Integer call() {
    return serve(springArgs);
  }

  static int serve(List<String> springArgs) {
    new SpringApplicationBuilder(MedsalesApplication.class)
        .main(MedsalesApplication.class)
        .run(springArgs.toArray(String[]::new));
    return KEEP_RUNNING;
  }

  /**
   * Starts the application as a command-line job (no web server, no roles), runs {@code job} on one
   * of its beans and closes it.
   */
  public static <T> int runJob(List<String> springArgs, Class<T> beanType, ToIntFunction<T> job) {
    // as command-line arguments, so that they win over application.yaml and MEDSALES_ROLES: no
    // worker, scheduler or
    // demo loader may run beside a job; the caller's own arguments come after and may still raise
    // the log level.
    // Lazy initialisation: a job needs a handful of beans (the database, Flyway, its service), not
    // the web, security,
    // session and metrics beans the platform builds; on a busy machine their creation was a quarter
    // of an ingest's start
    List<String> args = new ArrayList<>();
    for (String fixed :
        List.of(
            "--medsales.roles=",
            "--logging.level.root=warn",
            "--logging.level.com.medsales=warn",
            "--spring.main.lazy-initialization=true")) {
      String key = fixed.substring(0, fixed.indexOf('=') + 1);
      if (springArgs.stream().noneMatch(a -> a.startsWith(key))) {
        args.add(fixed);
      }
    }
    args.addAll(springArgs);
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(MedsalesApplication.class)
            .main(MedsalesApplication.class)
            .web(WebApplicationType.NONE)
            .properties("spring.main.banner-mode=off")
            .run(args.toArray(String[]::new))) {
      return job.applyAsInt(context.getBean(beanType));
    }
  }

  static String oneLine(Throwable ex) {
    Throwable root = ex;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    return message.lines().findFirst().orElse(message).strip();
  }

  @Command(name = "serve", description = "Run the platform (the default when no command is given).")
  static final class Serve implements Callable<Integer> {
    @Unmatched List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
      return serve(springArgs);
    }
  }

  @Command(
      name = "migrate",
      description = "Bring the configured database's schema up to date (Flyway) and exit.",
      mixinStandardHelpOptions = true)
  static final class Migrate implements Callable<Integer> {
    @Unmatched List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
      // Flyway migrates while the context starts; report where the schema stands.
      return runJob(
          springArgs,
          Flyway.class,
          flyway -> {
            var current = flyway.info().current();
            System.out.println(
                "Database schema is at version "
                    + (current == null ? "none" : current.getVersion()));
            return 0;
          });
    }
  }

  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      description = {
        "Load a public dataset file into the configured database (the embedded one in MEDSALES_HOME by default) and exit.",
        "DATASET is one of: nppes (monthly full file), nppes-weekly, nppes-deactivations, partb, partd, openpayments, openpayments-research, openpayments-ownership."
      })
  static final class Ingest implements Callable<Integer> {
    @CommandLine.Parameters(
        index = "0",
        paramLabel = "DATASET",
        description =
            "nppes | nppes-weekly | nppes-deactivations | partb | partd | openpayments[-research|-ownership]")
    String kind;

    @CommandLine.Parameters(
        index = "1",
        paramLabel = "SOURCE",
        description = "a local zip or CSV file, or an http(s) URL")
    String source;

    @CommandLine.Option(
        names = "--year",
        description = "the data year of a CMS file (read from its name when not given)")
    Integer year;

    @Unmatched List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
      return runJob(
          springArgs,
          com.medsales.ingest.Ingestion.class,
          ingestion -> {
            var progress = new TerminalProgress(System.err, System.console() != null);
            try {
              var run = ingestion.runNow(kind, source, year, progress);
              progress.done();
              System.out.println(TerminalProgress.summary(run));
              return 0;
            } catch (com.medsales.ingest.Ingestion.IngestionFailed e) {
              progress.done();
              System.err.println(
                  "medsales: ingestion run " + e.runId() + " failed: " + e.getMessage());
              return 1;
            }
          });
    }
  }

  @Command(
      name = "create-tenant",
      mixinStandardHelpOptions = true,
      description =
          "Create a customer tenant with its first administrator, print the administrator's password once, and exit.")
  static final class TenantCreate implements Callable<Integer> {
    @CommandLine.Parameters(
        index = "0",
        paramLabel = "SLUG",
        description = "the tenant's short name: lower-case letters, digits, hyphens")
    String slug;

    @CommandLine.Parameters(index = "1", paramLabel = "NAME", description = "the company's name")
    String name;

    @CommandLine.Option(
        names = "--admin",
        required = true,
        paramLabel = "USERNAME",
        description = "the administrator's user name")
    String admin;

    @Unmatched List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
      return runJob(
          springArgs,
          com.medsales.identity.Provisioning.class,
          provisioning -> {
            String password = com.medsales.identity.Provisioning.newPassword();
            provisioning.inTransaction(
                jdbc ->
                    provisioning.createUser(
                        jdbc,
                        provisioning.createTenant(jdbc, slug, name),
                        admin,
                        admin,
                        com.medsales.identity.UserRole.ADMIN,
                        password));
            System.out.println(
                "Tenant "
                    + slug
                    + " created. Administrator "
                    + admin
                    + ", password (shown once): "
                    + password);
            return 0;
          });
    }
  }

  @Command(
      name = "create-operator",
      mixinStandardHelpOptions = true,
      description =
          "Create a platform operator (ingestion and operations, outside every tenant), print the password once, and exit.")
  static final class OperatorCreate implements Callable<Integer> {
    @CommandLine.Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Unmatched List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
      return runJob(
          springArgs,
          com.medsales.identity.Provisioning.class,
          provisioning -> {
            String password = com.medsales.identity.Provisioning.newPassword();
            provisioning.inTransaction(
                jdbc ->
                    provisioning.createUser(
                        jdbc,
                        null,
                        username,
                        username,
                        com.medsales.identity.UserRole.OPERATOR,
                        password));
            System.out.println(
                "Operator " + username + " created, password (shown once): " + password);
            return 0;
          });
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"medsales " + (version == null ? "development build" : version)};
    }
  }
}
