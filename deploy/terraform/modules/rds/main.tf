# RDS PostgreSQL: private data subnets, encrypted at rest (AES-256, KMS), TLS required, automated backups with
# point-in-time restore, read replicas (DB_READ_HOST), Multi-AZ where the sizing table says so, and in production
# the automated backups copied to the DR region (seed section 8: full region failure, RPO 1 h).
# The credentials live in Secrets Manager (MEDSALES_SECRETS_ID), rotated every 90 days (seed section 7).

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

variable "name" { type = string }
variable "subnet_ids" { type = list(string) }
variable "security_group_id" { type = string }
variable "instance_class" { type = string }
variable "allocated_storage" { type = number }
variable "max_allocated_storage" {
  description = "storage autoscaling ceiling (production's auto-expand); equal to allocated_storage for none"
  type        = number
}
variable "iops" {
  description = "gp3 IOPS; null for the baseline (3000 below 400 GB)"
  type        = number
  default     = null
}
variable "read_replicas" { type = number }
variable "multi_az" { type = bool }
variable "backup_retention_days" { type = number }
variable "deletion_protection" { type = bool }
variable "dr_backup_replication" {
  description = "copy automated backups to the DR region (aws.dr) for point-in-time restore there"
  type        = bool
}
variable "rotation_lambda_arn" {
  description = "the Secrets Manager rotation function for PostgreSQL (SecretsManagerRDSPostgreSQLRotationSingleUser)"
  type        = string
}

resource "aws_kms_key" "rds" {
  description         = "${var.name} RDS storage and backups"
  enable_key_rotation = true
}

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

resource "aws_db_parameter_group" "this" {
  name   = "${var.name}-pg16"
  family = "postgres16"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
  parameter {
    name  = "log_min_duration_statement"
    value = "2000"
  }
}

resource "random_password" "master" {
  length  = 40
  special = false
}

resource "aws_db_instance" "primary" {
  identifier                      = var.name
  engine                          = "postgres"
  engine_version                  = "16"
  instance_class                  = var.instance_class
  db_name                         = "medsales"
  username                        = "medsales"
  password                        = random_password.master.result
  allocated_storage               = var.allocated_storage
  max_allocated_storage           = var.max_allocated_storage
  storage_type                    = "gp3"
  iops                            = var.iops
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.rds.arn
  db_subnet_group_name            = aws_db_subnet_group.this.name
  vpc_security_group_ids          = [var.security_group_id]
  parameter_group_name            = aws_db_parameter_group.this.name
  publicly_accessible             = false
  multi_az                        = var.multi_az
  backup_retention_period         = var.backup_retention_days
  backup_window                   = "03:00-04:00"
  maintenance_window              = "sun:04:30-sun:05:30"
  copy_tags_to_snapshot           = true
  deletion_protection             = var.deletion_protection
  skip_final_snapshot             = false
  final_snapshot_identifier       = "${var.name}-final"
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.rds.arn
  auto_minor_version_upgrade      = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
  lifecycle {
    # the rotation function changes the password; Terraform must not change it back
    ignore_changes = [password]
  }
}

resource "aws_db_instance" "replica" {
  count                           = var.read_replicas
  identifier                      = "${var.name}-replica-${count.index + 1}"
  replicate_source_db             = aws_db_instance.primary.identifier
  instance_class                  = var.instance_class
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.rds.arn
  vpc_security_group_ids          = [var.security_group_id]
  parameter_group_name            = aws_db_parameter_group.this.name
  publicly_accessible             = false
  multi_az                        = false
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.rds.arn
  skip_final_snapshot             = true
}

resource "aws_kms_key" "dr" {
  count               = var.dr_backup_replication ? 1 : 0
  provider            = aws.dr
  description         = "${var.name} RDS backups replicated to the DR region"
  enable_key_rotation = true
}

resource "aws_db_instance_automated_backups_replication" "dr" {
  count                  = var.dr_backup_replication ? 1 : 0
  provider               = aws.dr
  source_db_instance_arn = aws_db_instance.primary.arn
  kms_key_id             = aws_kms_key.dr[0].arn
  retention_period       = var.backup_retention_days
}

# The application's secret, in the shape the PostgreSQL rotation function expects (engine, host, port, dbname,
# username, password); the application reads username and password as DB_USER and DB_PASS.
resource "aws_secretsmanager_secret" "app" {
  name        = "medsales/${var.name}/app"
  description = "MedSales database credentials (and FCM_KEY later); MEDSALES_SECRETS_ID"
}

resource "aws_secretsmanager_secret_version" "app" {
  secret_id = aws_secretsmanager_secret.app.id
  secret_string = jsonencode({
    engine   = "postgres"
    host     = aws_db_instance.primary.address
    port     = aws_db_instance.primary.port
    dbname   = "medsales"
    username = "medsales"
    password = random_password.master.result
  })
  lifecycle {
    ignore_changes = [secret_string]
  }
}

resource "aws_secretsmanager_secret_rotation" "app" {
  secret_id           = aws_secretsmanager_secret.app.id
  rotation_lambda_arn = var.rotation_lambda_arn
  rotation_rules {
    automatically_after_days = 90
  }
}

output "address" { value = aws_db_instance.primary.address }
output "replica_addresses" { value = aws_db_instance.replica[*].address }
output "identifier" { value = aws_db_instance.primary.identifier }
output "secret_arn" { value = aws_secretsmanager_secret.app.arn }
