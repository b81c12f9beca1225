#!/usr/bin/env bash
# Deploys one image to one ECS service: registers a new revision of the service's task definition with the image
# (so the previous revision stays for a rollback, docs/runbooks/rollback.md), points the service at it and waits
# until the service is stable. Usage: deploy/ci/ecs-deploy.sh CLUSTER SERVICE IMAGE
set -euo pipefail
cluster="$1" service="$2" image="$3"

current=$(aws ecs describe-services --cluster "$cluster" --services "$service" \
  --query 'services[0].taskDefinition' --output text)
echo "ecs-deploy: $service runs $current"

aws ecs describe-task-definition --task-definition "$current" --query taskDefinition --output json \
  | jq --arg image "$image" '
      .containerDefinitions[0].image = $image
      | del(.taskDefinitionArn, .revision, .status, .requiresAttributes, .compatibilities, .registeredAt, .registeredBy, .deregisteredAt)' \
  > task-definition.json
next=$(aws ecs register-task-definition --cli-input-json file://task-definition.json \
  --query 'taskDefinition.taskDefinitionArn' --output text)
echo "ecs-deploy: $service -> $next ($image)"

aws ecs update-service --cluster "$cluster" --service "$service" --task-definition "$next" >/dev/null
aws ecs wait services-stable --cluster "$cluster" --services "$service"
echo "ecs-deploy: $service is stable on $next (previous: $current)"
