# One MedSales environment: the modules wired together. Each environment's main.tf calls this with its row of the
# sizing table (seed 5.2); DeploymentTerraformTests checks those values against the table.

terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.dr]
    }
    random = {
      source = "hashicorp/random"
    }
  }
}

variable "environment" { type = string }
variable "region" { type = string }
variable "vpc_cidr" { type = string }
variable "azs" { type = list(string) }
variable "host_name" { type = string }
variable "certificate_arn" { type = string }
variable "shared_listener_arn" {
  type    = string
  default = null
}
variable "images" { type = map(string) }
variable "api_task_count" { type = number }
variable "api_max_count" { type = number }
variable "worker_task_count" { type = number }
variable "web_task_count" { type = number }
variable "rds_instance_class" { type = string }
variable "rds_read_replicas" { type = number }
variable "rds_allocated_storage" { type = number }
variable "rds_max_allocated_storage" { type = number }
variable "rds_iops" {
  type    = number
  default = null
}
variable "rds_backup_retention_days" { type = number }
variable "redis_node_type" { type = string }
variable "redis_replicas" { type = number }
variable "multi_az" { type = bool }
variable "enable_waf" { type = bool }
variable "s3_ia_transition_days" {
  type    = number
  default = null
}
variable "dr_backup_replication" { type = bool }
variable "deletion_protection" { type = bool }
variable "rotation_lambda_arn" { type = string }
variable "log_retention_days" { type = number }
variable "access_logs_bucket" { type = string }
variable "alarm_emails" {
  type    = list(string)
  default = []
}

locals {
  name = "medsales-${var.environment}"
}

module "vpc" {
  source             = "../vpc"
  name               = local.name
  cidr               = var.vpc_cidr
  azs                = var.azs
  single_nat_gateway = !var.multi_az
}

module "s3" {
  source             = "../s3"
  bucket             = "${local.name}-data"
  ia_transition_days = var.s3_ia_transition_days
}

module "alb" {
  source              = "../alb"
  name                = local.name
  vpc_id              = module.vpc.vpc_id
  public_subnet_ids   = module.vpc.public_subnet_ids
  security_group_id   = module.vpc.alb_security_group_id
  certificate_arn     = var.certificate_arn
  host_name           = var.host_name
  shared_listener_arn = var.shared_listener_arn
  enable_waf          = var.enable_waf
  access_logs_bucket  = var.access_logs_bucket
}

module "rds" {
  source = "../rds"
  providers = {
    aws    = aws
    aws.dr = aws.dr
  }
  name                  = local.name
  subnet_ids            = module.vpc.data_subnet_ids
  security_group_id     = module.vpc.data_security_group_id
  instance_class        = var.rds_instance_class
  allocated_storage     = var.rds_allocated_storage
  max_allocated_storage = var.rds_max_allocated_storage
  iops                  = var.rds_iops
  read_replicas         = var.rds_read_replicas
  multi_az              = var.multi_az
  backup_retention_days = var.rds_backup_retention_days
  deletion_protection   = var.deletion_protection
  dr_backup_replication = var.dr_backup_replication
  rotation_lambda_arn   = var.rotation_lambda_arn
}

module "elasticache" {
  source            = "../elasticache"
  name              = local.name
  subnet_ids        = module.vpc.data_subnet_ids
  security_group_id = module.vpc.data_security_group_id
  node_type         = var.redis_node_type
  replicas          = var.redis_replicas
  multi_az          = var.multi_az
}

module "ecs" {
  source                = "../ecs"
  name                  = local.name
  environment           = var.environment
  region                = var.region
  app_subnet_ids        = module.vpc.app_subnet_ids
  app_security_group_id = module.vpc.app_security_group_id
  api_target_group_arn  = module.alb.api_target_group_arn
  web_target_group_arn  = module.alb.web_target_group_arn
  images                = var.images
  api_task_count        = var.api_task_count
  api_max_count         = var.api_max_count
  worker_task_count     = var.worker_task_count
  web_task_count        = var.web_task_count
  db_host               = module.rds.address
  db_read_host          = length(module.rds.replica_addresses) > 0 ? module.rds.replica_addresses[0] : ""
  redis_host            = module.elasticache.primary_endpoint
  bucket_name           = module.s3.bucket
  bucket_arn            = module.s3.arn
  app_secret_arn        = module.rds.secret_arn
  log_retention_days    = var.log_retention_days
}

module "monitoring" {
  source                      = "../monitoring"
  name                        = local.name
  db_identifier               = module.rds.identifier
  redis_id                    = module.elasticache.id
  alb_arn_suffix              = module.alb.arn_suffix
  api_target_group_arn_suffix = module.alb.api_target_group_arn_suffix
  alarm_emails                = var.alarm_emails
}

output "cluster_name" { value = module.ecs.cluster_name }
output "database_address" { value = module.rds.address }
output "app_secret_arn" { value = module.rds.secret_arn }
