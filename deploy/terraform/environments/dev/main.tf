# The dev environment: its row of the seed's sizing table (section 5.2) and where it lives.
# terraform -chdir=deploy/terraform/environments/dev init && terraform -chdir=deploy/terraform/environments/dev apply

terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
  backend "s3" {
    bucket       = "medsales-terraform-state"
    key          = "dev/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = { Project = "medsales", Environment = "dev" }
  }
}

# the disaster-recovery region (seed section 8: full region failure -> us-west-2)
provider "aws" {
  alias  = "dr"
  region = "us-west-2"
}

variable "image_tag" {
  description = "the image tag first deployed; the pipeline registers later revisions"
  type        = string
  default     = "main"
}
variable "certificate_arn" { type = string }
variable "rotation_lambda_arn" { type = string }
variable "access_logs_bucket" { type = string }
variable "shared_listener_arn" {
  description = "the HTTPS listener of the load balancer dev shares (seed 5.2: ALB shared)"
  type        = string
}
variable "alarm_emails" {
  type    = list(string)
  default = []
}

data "aws_caller_identity" "current" {}

module "medsales" {
  source = "../../modules/stack"
  providers = {
    aws    = aws
    aws.dr = aws.dr
  }
  environment         = "dev"
  region              = "us-east-1"
  vpc_cidr            = "10.10.0.0/16"
  azs                 = ["us-east-1a", "us-east-1b"]
  host_name           = "dev-api.medsales.io"
  certificate_arn     = var.certificate_arn
  shared_listener_arn = var.shared_listener_arn
  images = {
    api    = "${data.aws_caller_identity.current.account_id}.dkr.ecr.us-east-1.amazonaws.com/medsales-api:${var.image_tag}"
    worker = "${data.aws_caller_identity.current.account_id}.dkr.ecr.us-east-1.amazonaws.com/medsales-worker:${var.image_tag}"
    web    = "${data.aws_caller_identity.current.account_id}.dkr.ecr.us-east-1.amazonaws.com/medsales-web:${var.image_tag}"
  }

  # sizing (seed 5.2)
  api_task_count            = 1
  api_max_count             = 1
  worker_task_count         = 1
  web_task_count            = 1
  rds_instance_class        = "db.t3.medium"
  rds_read_replicas         = 0
  rds_allocated_storage     = 100
  rds_max_allocated_storage = 100
  rds_backup_retention_days = 7
  redis_node_type           = "cache.t3.micro"
  redis_replicas            = 0
  multi_az                  = false
  enable_waf                = false
  dr_backup_replication     = false
  deletion_protection       = false
  log_retention_days        = 30

  rotation_lambda_arn = var.rotation_lambda_arn
  access_logs_bucket  = var.access_logs_bucket
  alarm_emails        = var.alarm_emails
}

output "cluster_name" { value = module.medsales.cluster_name }
output "app_secret_arn" { value = module.medsales.app_secret_arn }
