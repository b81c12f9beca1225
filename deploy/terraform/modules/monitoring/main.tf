# CloudWatch alarms to SNS for what AWS measures (seed 6.1: CloudWatch -> alarms -> PagerDuty/Slack), the audit
# trail (CloudTrail, seed section 7) and the API's audit logs kept in CloudWatch Logs. The Prometheus rules in
# deploy/monitoring cover the whole section 6.2 table; these alarms page even when Prometheus is down.

variable "name" { type = string }
variable "db_identifier" { type = string }
variable "redis_id" { type = string }
variable "alb_arn_suffix" {
  type    = string
  default = null
}
variable "api_target_group_arn_suffix" { type = string }
variable "alarm_emails" {
  type    = list(string)
  default = []
}

resource "aws_sns_topic" "alerts" {
  name              = "${var.name}-alerts"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sns_topic_subscription" "email" {
  for_each  = toset(var.alarm_emails)
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_cloudwatch_metric_alarm" "rds_cpu" {
  alarm_name          = "${var.name}-rds-cpu-critical"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = var.db_identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = 90
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
  ok_actions          = [aws_sns_topic.alerts.arn]
}

resource "aws_cloudwatch_metric_alarm" "rds_free_storage" {
  alarm_name          = "${var.name}-rds-free-storage"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  dimensions          = { DBInstanceIdentifier = var.db_identifier }
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10737418240
  comparison_operator = "LessThanThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}

resource "aws_cloudwatch_metric_alarm" "redis_memory" {
  alarm_name          = "${var.name}-redis-memory-critical"
  namespace           = "AWS/ElastiCache"
  metric_name         = "DatabaseMemoryUsagePercentage"
  dimensions          = { ReplicationGroupId = var.redis_id }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  threshold           = 85
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}

locals {
  # what the load balancer measures of the API (critical thresholds of seed 6.2)
  alb_alarms = var.alb_arn_suffix == null ? {} : {
    api-5xx-critical    = { metric = "HTTPCode_Target_5XX_Count", statistic = "Sum", extended = null, period = 300, periods = 1, threshold = 50 }
    api-unhealthy-tasks = { metric = "UnHealthyHostCount", statistic = "Maximum", extended = null, period = 60, periods = 3, threshold = 0 }
    api-p95-critical    = { metric = "TargetResponseTime", statistic = null, extended = "p95", period = 300, periods = 1, threshold = 5 }
  }
}

resource "aws_cloudwatch_metric_alarm" "alb" {
  for_each            = local.alb_alarms
  alarm_name          = "${var.name}-${each.key}"
  namespace           = "AWS/ApplicationELB"
  metric_name         = each.value.metric
  dimensions          = { LoadBalancer = var.alb_arn_suffix, TargetGroup = var.api_target_group_arn_suffix }
  statistic           = each.value.statistic
  extended_statistic  = each.value.extended
  period              = each.value.period
  evaluation_periods  = each.value.periods
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}

output "alerts_topic_arn" { value = aws_sns_topic.alerts.arn }
