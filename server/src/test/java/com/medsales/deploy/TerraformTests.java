package com.medsales.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code deploy/terraform} parsed as HCL (no terraform binary or providers needed): the seed's
 * module layout, its sizing table (section 5.2), its security rules (section 7) and its
 * disaster-recovery measures (section 8). A fmt check runs when terraform is on the PATH.
 */
class TerraformTests {

  static final String TF = "deploy/terraform";

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String relative) throws Exception {
    return new HCLParser().parse(DeployFiles.file(TF + "/" + relative).toFile(), "UTF-8");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> block(Map<String, Object> hcl, String... path) {
    Object node = hcl;
    for (String key : path) {
      assertThat((Map<String, Object>) node).as(String.join(".", path)).containsKey(key);
      node = ((Map<String, Object>) node).get(key);
    }
    return (Map<String, Object>) node;
  }

  static List<Path> tfFiles() throws IOException {
    try (Stream<Path> files = Files.walk(DeployFiles.file(TF))) {
      return files
          .filter(f -> f.toString().endsWith(".tf") && !f.toString().contains(".terraform"))
          .sorted()
          .toList();
    }
  }

  @Test
  void hasTheSeedsModulesAndEnvironmentsAndEveryFileParses() throws Exception {
    for (String module :
        List.of("vpc", "ecs", "rds", "elasticache", "alb", "s3", "ecr", "monitoring")) {
      assertThat(DeployFiles.file(TF + "/modules/" + module + "/main.tf")).as(module).exists();
    }
    for (String environment : List.of("dev", "staging", "production")) {
      assertThat(DeployFiles.file(TF + "/environments/" + environment + "/main.tf"))
          .as(environment)
          .exists();
    }
    List<Path> files = tfFiles();
    assertThat(files).hasSizeGreaterThanOrEqualTo(12);
    for (Path file : files) {
      assertThat(new HCLParser().parse(file.toFile(), "UTF-8")).as(file.toString()).isNotEmpty();
    }
  }

  /** The seed's section 5.2, one row per environment. */
  @ParameterizedTest
  @CsvSource({
    // env,      api, api max, workers, rds class,        replicas, storage, max storage, redis,
    //          multi-AZ, WAF,   IA days
    "dev,        1,   1,       1,       db.t3.medium,     0,        100,     100,         cache.t3.micro,     false,    false, ",
    "staging,    2,   2,       1,       db.r6g.large,     1,        250,     250,         cache.r6g.large,    false,    false, ",
    "production, 4,   12,      2,       db.r6g.2xlarge,   2,        500,     2000,        cache.r6g.xlarge,   true,     true,  30",
  })
  void eachEnvironmentHasItsRowOfTheSizingTable(
      String environment,
      int api,
      int apiMax,
      int workers,
      String rdsClass,
      int replicas,
      int storage,
      int maxStorage,
      String redis,
      boolean multiAz,
      boolean waf,
      Integer iaDays)
      throws Exception {
    var stack = block(parse("environments/" + environment + "/main.tf"), "module", "medsales");
    assertThat(number(stack, "api_task_count")).isEqualTo(api);
    assertThat(number(stack, "api_max_count")).isEqualTo(apiMax); // production: 4+ (auto-scale)
    assertThat(number(stack, "worker_task_count")).isEqualTo(workers);
    assertThat(stack.get("rds_instance_class")).isEqualTo(rdsClass);
    assertThat(number(stack, "rds_read_replicas")).isEqualTo(replicas);
    assertThat(number(stack, "rds_allocated_storage")).isEqualTo(storage);
    assertThat(number(stack, "rds_max_allocated_storage"))
        .isEqualTo(maxStorage); // production: auto-expand
    assertThat(stack.get("redis_node_type")).isEqualTo(redis);
    assertThat(stack.get("multi_az")).isEqualTo(multiAz);
    assertThat(stack.get("enable_waf")).isEqualTo(waf);
    if (iaDays == null) {
      assertThat(stack).doesNotContainKey("s3_ia_transition_days");
    } else {
      assertThat(number(stack, "s3_ia_transition_days")).isEqualTo(iaDays);
    }
    // ALB: shared in dev, dedicated elsewhere
    assertThat(stack.containsKey("shared_listener_arn")).isEqualTo(environment.equals("dev"));
    // DR (seed 8): production's backups are copied to us-west-2
    assertThat(stack.get("dr_backup_replication")).isEqualTo(environment.equals("production"));
  }

  @Test
  void noIamPolicyGrantsAWildcardAction() throws Exception {
    int statements = 0;
    for (Path file : tfFiles()) {
      String text = Files.readString(file);
      var actions = Pattern.compile("actions\\s*=\\s*\\[([^]]*)]").matcher(text);
      while (actions.find()) {
        statements++;
        for (String action : actions.group(1).split(",")) {
          assertThat(action.strip()).as(file + ": " + actions.group()).doesNotContain("*");
        }
      }
      // policies are written as aws_iam_policy_document, never as JSON that this check would not
      // read
      assertThat(text)
          .as(file.toString())
          .doesNotContainIgnoringCase("\"Action\"")
          .doesNotContain("Action =");
      assertThat(text)
          .as(file.toString())
          .doesNotContain("AdministratorAccess")
          .doesNotContain("FullAccess");
    }
    assertThat(statements).isGreaterThanOrEqualTo(10);
  }

  @Test
  void dataIsEncryptedAtRestAndPrivate() throws Exception {
    var rds = block(parse("modules/rds/main.tf"), "resource");
    var primary = block(rds, "aws_db_instance", "primary");
    assertThat(primary)
        .containsEntry("storage_encrypted", true)
        .containsEntry("publicly_accessible", false);
    assertThat(block(rds, "aws_db_instance", "replica"))
        .containsEntry("storage_encrypted", true)
        .containsEntry("publicly_accessible", false);
    assertThat(block(rds, "aws_db_parameter_group", "this").toString()).contains("rds.force_ssl");

    var s3 = block(parse("modules/s3/main.tf"), "resource");
    assertThat(block(s3, "aws_s3_bucket_server_side_encryption_configuration", "this").toString())
        .contains("sse_algorithm=AES256");
    assertThat(block(s3, "aws_s3_bucket_public_access_block", "this"))
        .containsEntry("block_public_acls", true)
        .containsEntry("block_public_policy", true)
        .containsEntry("ignore_public_acls", true)
        .containsEntry("restrict_public_buckets", true);

    var redis =
        block(
            parse("modules/elasticache/main.tf"),
            "resource",
            "aws_elasticache_replication_group",
            "this");
    assertThat(redis)
        .containsEntry("at_rest_encryption_enabled", true)
        .containsEntry("transit_encryption_enabled", true);
  }

  @Test
  void appAndDataTiersLiveInPrivateSubnets() throws Exception {
    var vpc = block(parse("modules/vpc/main.tf"), "resource");
    for (String tier : List.of("public", "app", "data")) {
      assertThat(block(vpc, "aws_subnet", tier))
          .as(tier)
          .containsEntry("map_public_ip_on_launch", false);
    }
    // the data tier's route table has no route at all; the app tier leaves through NAT only
    assertThat(block(vpc, "aws_route_table", "data")).doesNotContainKey("route");
    assertThat(block(vpc, "aws_route_table", "private").toString())
        .contains("nat_gateway_id")
        .doesNotContain("gateway_id=${aws_internet_gateway");
    // one service resource for api, worker and web, in the app subnets without public addresses
    var ecs = parse("modules/ecs/main.tf");
    assertThat(block(ecs, "resource", "aws_ecs_service", "this").toString())
        .contains("assign_public_ip=false");
    assertThat(block(ecs, "locals", "services")).containsOnlyKeys("api", "worker", "web");
    // the parser leaves var.* references unresolved: read those from the text
    String ecsText = Files.readString(DeployFiles.file(TF + "/modules/ecs/main.tf"));
    assertThat(Pattern.compile("subnets\\s*=").matcher(ecsText).results().count()).isEqualTo(1);
    assertThat(ecsText).containsPattern("subnets\\s*= var\\.app_subnet_ids");
    var stack = Files.readString(DeployFiles.file(TF + "/modules/stack/main.tf"));
    assertThat(stack).contains("app_subnet_ids        = module.vpc.app_subnet_ids");
    assertThat(stack).contains("subnet_ids            = module.vpc.data_subnet_ids");
  }

  @Test
  void theLoadBalancerSpeaksTls12OrLaterAndProductionHasTheOwaspRuleSet() throws Exception {
    var alb = block(parse("modules/alb/main.tf"), "resource");
    var https = block(alb, "aws_lb_listener", "https");
    assertThat(https).containsEntry("protocol", "HTTPS");
    assertThat((String) https.get("ssl_policy"))
        .matches("ELBSecurityPolicy-TLS13-1-2-.*|ELBSecurityPolicy-TLS-1-2-.*");
    assertThat(block(alb, "aws_lb_listener", "http_redirect").toString()).contains("HTTPS");
    assertThat(block(alb, "aws_lb", "this")).containsEntry("drop_invalid_header_fields", true);
    assertThat(block(alb, "aws_wafv2_web_acl", "this").toString())
        .contains("AWSManagedRulesCommonRuleSet");
    String albText = Files.readString(DeployFiles.file(TF + "/modules/alb/main.tf"));
    assertThat(albText)
        .containsPattern(
            "resource \"aws_wafv2_web_acl_association\" \"this\" \\{\\s+count\\s+= var.enable_waf");
  }

  @Test
  void secretsRotateEvery90DaysAndEveryApiCallIsAudited() throws Exception {
    var rds = block(parse("modules/rds/main.tf"), "resource");
    assertThat(block(rds, "aws_secretsmanager_secret_rotation", "app").toString())
        .contains("automatically_after_days=90");
    var trail = block(parse("global/main.tf"), "resource", "aws_cloudtrail", "audit");
    assertThat(trail)
        .containsEntry("is_multi_region_trail", true)
        .containsEntry("enable_log_file_validation", true);
    assertThat(trail).containsKey("cloud_watch_logs_group_arn");
  }

  @Test
  void backupsAllowPointInTimeRestoreAndProductionCopiesThemToTheDrRegion() throws Exception {
    var rds = block(parse("modules/rds/main.tf"), "resource");
    assertThat(block(rds, "aws_db_instance", "primary")).containsKey("backup_retention_period");
    assertThat(Files.readString(DeployFiles.file(TF + "/modules/rds/main.tf")))
        .containsPattern("backup_retention_period\\s+= var.backup_retention_days")
        .containsPattern(
            "resource \"aws_db_instance_automated_backups_replication\" \"dr\" \\{\\s+count\\s+= var.dr_backup_replication \\? 1 : 0\\s+provider\\s+= aws.dr");
    List<Integer> retention = new ArrayList<>();
    for (String environment : List.of("dev", "staging", "production")) {
      var stack = block(parse("environments/" + environment + "/main.tf"), "module", "medsales");
      retention.add(number(stack, "rds_backup_retention_days"));
      assertThat(
              Files.readString(DeployFiles.file(TF + "/environments/" + environment + "/main.tf")))
          .contains("region = \"us-west-2\"");
    }
    assertThat(retention).allSatisfy(days -> assertThat(days).isBetween(1, 35));
    assertThat(retention.get(2)).isEqualTo(35);
  }

  @Test
  void terraformFmtFindsNothingToChange() throws Exception {
    var terraform =
        DeployFiles.tool(
            "terraform", "not installable from the registries here; CI's lint job runs it", false);
    var fmt =
        DeployFiles.run(
            DeployFiles.root(), List.of(terraform.toString(), "fmt", "-check", "-recursive", TF));
    assertThat(fmt.exitCode()).as(fmt.output()).isZero();
  }

  private static int number(Map<String, Object> block, String key) {
    Object value = block.get(key);
    assertThat(value).as(key).isInstanceOf(Number.class);
    return ((Number) value).intValue();
  }
}
