# ElastiCache Redis for the cache (REDIS_HOST): private data subnets, encrypted at rest and in transit
# (REDIS_SSL), a replica with automatic failover where the sizing table asks for Multi-AZ.
# The application's Redis client is a standalone one: cluster mode (sharding) stays off until it speaks cluster.

variable "name" { type = string }
variable "subnet_ids" { type = list(string) }
variable "security_group_id" { type = string }
variable "node_type" { type = string }
variable "replicas" { type = number }
variable "multi_az" { type = bool }

resource "aws_elasticache_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id       = var.name
  description                = "MedSales cache"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = var.node_type
  port                       = 6379
  num_cache_clusters         = 1 + var.replicas
  automatic_failover_enabled = var.replicas > 0
  multi_az_enabled           = var.multi_az
  subnet_group_name          = aws_elasticache_subnet_group.this.name
  security_group_ids         = [var.security_group_id]
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  snapshot_retention_limit   = 1
  parameter_group_name       = "default.redis7"
}

output "primary_endpoint" { value = aws_elasticache_replication_group.this.primary_endpoint_address }
output "id" { value = aws_elasticache_replication_group.this.id }
