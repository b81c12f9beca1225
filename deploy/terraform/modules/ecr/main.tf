# The three image repositories (seed 3.1): scanned on push, encrypted, the last 50 images kept.

variable "repositories" {
  type    = list(string)
  default = ["medsales-api", "medsales-worker", "medsales-web"]
}

resource "aws_ecr_repository" "this" {
  for_each             = toset(var.repositories)
  name                 = each.value
  image_tag_mutability = "MUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_lifecycle_policy" "this" {
  for_each   = aws_ecr_repository.this
  repository = each.value.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "keep the last 50 images"
      selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 50 }
      action       = { type = "expire" }
    }]
  })
}

output "repository_arns" { value = [for r in aws_ecr_repository.this : r.arn] }
output "repository_urls" { value = { for k, r in aws_ecr_repository.this : k => r.repository_url } }
