-- Tenant administrators configure their OpenID Connect sign-in themselves (row-level security keeps it to their tenant).
GRANT INSERT, UPDATE, DELETE ON tenant_sso TO ${appRole};
