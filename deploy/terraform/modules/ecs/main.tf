# ECS Fargate: the API, worker and web services in the private app subnets (no public addresses), the SQS job
# queues with their dead-letter queues, and least-privilege roles: every IAM action is named, none is "*".
# A deployment that fails its health checks rolls back by itself (circuit breaker); docs/runbooks/rollback.md
# covers the manual rollback.

variable "name" { type = string }
variable "environment" { type = string }
variable "region" { type = string }
variable "app_subnet_ids" { type = list(string) }
variable "app_security_group_id" { type = string }
variable "api_target_group_arn" { type = string }
variable "web_target_group_arn" { type = string }
variable "images" {
  description = "image per service: api, worker, web (the pipeline registers new revisions with the commit's tag)"
  type        = map(string)
}
variable "api_task_count" { type = number }
variable "api_max_count" {
  description = "the API's autoscaling ceiling; equal to api_task_count for no autoscaling"
  type        = number
}
variable "worker_task_count" { type = number }
variable "web_task_count" { type = number }
variable "db_host" { type = string }
variable "db_read_host" {
  type    = string
  default = ""
}
variable "redis_host" { type = string }
variable "bucket_name" { type = string }
variable "bucket_arn" { type = string }
variable "app_secret_arn" { type = string }
variable "log_retention_days" { type = number }

locals {
  queues = {
    # maxReceiveCount: the most attempts a job of the queue may have (ingestion waits for a busy dataset: 30)
    ingestion    = 30
    notification = 5
    # exports run on the API tasks' workers (the export module's handler is an api-role bean)
    exports = 3
  }
  queue_prefix = "${var.name}-"
  common_environment = [
    { name = "SPRING_PROFILES_ACTIVE", value = var.environment },
    { name = "AWS_REGION", value = var.region },
    { name = "DB_HOST", value = var.db_host },
    { name = "DB_READ_HOST", value = var.db_read_host },
    { name = "REDIS_HOST", value = var.redis_host },
    { name = "REDIS_SSL", value = "true" },
    { name = "S3_BUCKET", value = var.bucket_name },
    { name = "MEDSALES_JOBS_BACKEND", value = "sqs" },
    { name = "SQS_QUEUE_PREFIX", value = local.queue_prefix },
    { name = "MEDSALES_SECRETS_ID", value = var.app_secret_arn },
    { name = "MEDSALES_DEMO_DATA", value = "false" },
    { name = "LOGGING_STRUCTURED_FORMAT_CONSOLE", value = "ecs" },
  ]
  services = {
    api    = { task_definition = aws_ecs_task_definition.api.arn, count = var.api_task_count, target_group_arn = var.api_target_group_arn }
    worker = { task_definition = aws_ecs_task_definition.worker.arn, count = var.worker_task_count, target_group_arn = null }
    web    = { task_definition = aws_ecs_task_definition.web.arn, count = var.web_task_count, target_group_arn = var.web_target_group_arn }
  }
  health_check = {
    command     = ["CMD-SHELL", "wget -qO- http://localhost:8080/health || exit 1"]
    interval    = 30
    timeout     = 5
    retries     = 3
    startPeriod = 90
  }
}

resource "aws_ecs_cluster" "this" {
  name = var.name
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_cloudwatch_log_group" "service" {
  for_each          = toset(["api", "worker", "web"])
  name              = "/ecs/${var.name}/${each.value}"
  retention_in_days = var.log_retention_days
}

resource "aws_sqs_queue" "dead_letters" {
  for_each                  = local.queues
  name                      = "${local.queue_prefix}${each.key}-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "jobs" {
  for_each                   = local.queues
  name                       = "${local.queue_prefix}${each.key}"
  visibility_timeout_seconds = 300
  message_retention_seconds  = 1209600
  receive_wait_time_seconds  = 1
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letters[each.key].arn
    maxReceiveCount     = each.value
  })
}

# --- roles -------------------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# what ECS itself needs to start a task: pull the image, write its logs
resource "aws_iam_role" "execution" {
  name               = "${var.name}-task-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "execution" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"] # this action has no resource-level permissions
  }
  statement {
    sid       = "PullImages"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    resources = ["arn:aws:ecr:${var.region}:*:repository/medsales-*"]
  }
  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [for g in aws_cloudwatch_log_group.service : "${g.arn}:*"]
  }
}

resource "aws_iam_role_policy" "execution" {
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

resource "aws_iam_role" "api" {
  name               = "${var.name}-api-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "api" {
  statement {
    sid       = "EnqueueJobs"
    actions   = ["sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes"]
    resources = concat([for q in aws_sqs_queue.jobs : q.arn], [for q in aws_sqs_queue.dead_letters : q.arn])
  }
  statement {
    sid       = "ReadAndWriteFiles"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["${var.bucket_arn}/*"]
  }
  statement {
    sid       = "RunExports"
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"]
    resources = [aws_sqs_queue.jobs["exports"].arn]
  }
  statement {
    sid       = "RemoveExpiredExports"
    actions   = ["s3:DeleteObject"]
    resources = ["${var.bucket_arn}/exports/*"]
  }
  statement {
    sid       = "ReadConfiguration"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.app_secret_arn]
  }
}

resource "aws_iam_role_policy" "api" {
  role   = aws_iam_role.api.id
  policy = data.aws_iam_policy_document.api.json
}

resource "aws_iam_role" "worker" {
  name               = "${var.name}-worker-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "worker" {
  statement {
    sid = "RunJobs"
    actions = [
      "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:SendMessage",
      "sqs:GetQueueUrl", "sqs:GetQueueAttributes",
    ]
    resources = concat([for q in aws_sqs_queue.jobs : q.arn], [for q in aws_sqs_queue.dead_letters : q.arn])
  }
  statement {
    sid       = "KeepRawFiles"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["${var.bucket_arn}/*"]
  }
  statement {
    sid       = "ReadConfiguration"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.app_secret_arn]
  }
}

resource "aws_iam_role_policy" "worker" {
  role   = aws_iam_role.worker.id
  policy = data.aws_iam_policy_document.worker.json
}

# --- task definitions and services ------------------------------------------------------------------------------

resource "aws_ecs_task_definition" "api" {
  family                   = "medsales-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.api.arn
  container_definitions = jsonencode([{
    name             = "api"
    image            = var.images["api"]
    essential        = true
    portMappings     = [{ containerPort = 8080, protocol = "tcp" }]
    environment      = concat(local.common_environment, [{ name = "MEDSALES_ROLES", value = "api" }])
    healthCheck      = local.health_check
    stopTimeout      = 60
    logConfiguration = { logDriver = "awslogs", options = { awslogs-group = aws_cloudwatch_log_group.service["api"].name, awslogs-region = var.region, awslogs-stream-prefix = "api" } }
  }])
  lifecycle {
    ignore_changes = [container_definitions] # the pipeline registers revisions with new images
  }
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "medsales-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 2048
  memory                   = 8192
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.worker.arn
  ephemeral_storage {
    size_in_gib = 100 # raw NPPES and CMS files are unpacked here
  }
  container_definitions = jsonencode([{
    name             = "worker"
    image            = var.images["worker"]
    essential        = true
    environment      = concat(local.common_environment, [{ name = "MEDSALES_ROLES", value = "ingestion-worker,notification-worker" }])
    healthCheck      = local.health_check
    stopTimeout      = 60
    logConfiguration = { logDriver = "awslogs", options = { awslogs-group = aws_cloudwatch_log_group.service["worker"].name, awslogs-region = var.region, awslogs-stream-prefix = "worker" } }
  }])
  lifecycle {
    ignore_changes = [container_definitions]
  }
}

resource "aws_ecs_task_definition" "web" {
  family                   = "medsales-web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.execution.arn
  container_definitions = jsonencode([{
    name         = "web"
    image        = var.images["web"]
    essential    = true
    portMappings = [{ containerPort = 8080, protocol = "tcp" }]
    # the load balancer sends /api/* and /health to the API itself; nginx's own proxy (compose) is unused here
    environment      = [{ name = "API_UPSTREAM", value = "127.0.0.1:8081" }]
    logConfiguration = { logDriver = "awslogs", options = { awslogs-group = aws_cloudwatch_log_group.service["web"].name, awslogs-region = var.region, awslogs-stream-prefix = "web" } }
  }])
  lifecycle {
    ignore_changes = [container_definitions]
  }
}

resource "aws_ecs_service" "this" {
  for_each                          = local.services
  name                              = "medsales-${each.key}"
  cluster                           = aws_ecs_cluster.this.id
  task_definition                   = each.value.task_definition
  desired_count                     = each.value.count
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = each.value.target_group_arn == null ? null : 120
  network_configuration {
    subnets          = var.app_subnet_ids
    security_groups  = [var.app_security_group_id]
    assign_public_ip = false
  }
  dynamic "load_balancer" {
    for_each = each.value.target_group_arn == null ? [] : [each.value.target_group_arn]
    content {
      target_group_arn = load_balancer.value
      container_name   = each.key
      container_port   = 8080
    }
  }
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  lifecycle {
    # the pipeline registers task-definition revisions; autoscaling owns the API's count
    ignore_changes = [task_definition, desired_count]
  }
}

# production's "4+ (auto-scale)": scale out on CPU between api_task_count and api_max_count
resource "aws_appautoscaling_target" "api" {
  count              = var.api_max_count > var.api_task_count ? 1 : 0
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.this["api"].name}"
  min_capacity       = var.api_task_count
  max_capacity       = var.api_max_count
}

resource "aws_appautoscaling_policy" "api_cpu" {
  count              = var.api_max_count > var.api_task_count ? 1 : 0
  name               = "${var.name}-api-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = aws_appautoscaling_target.api[0].resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = 60
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

output "cluster_name" { value = aws_ecs_cluster.this.name }
output "queue_urls" { value = { for k, q in aws_sqs_queue.jobs : k => q.url } }
output "dead_letter_queue_names" { value = [for q in aws_sqs_queue.dead_letters : q.name] }
