-- One contact per provider and tenant, even when the existing one belongs to a colleague the user cannot see: this says
-- whether one exists (and nothing else about it), so creating a second is a clear 409 rather than a constraint error.
CREATE FUNCTION medsales_contact_exists(p_npi bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$ SELECT EXISTS (SELECT 1 FROM contact WHERE tenant_id = medsales_tenant() AND npi = p_npi AND deleted_at IS NULL) $$;
REVOKE ALL ON FUNCTION medsales_contact_exists(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION medsales_contact_exists(bigint) TO ${appRole};
