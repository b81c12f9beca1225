-- A provider who is already a colleague's contact the user cannot see: creating it again is a 409, and the user needs
-- to know whom to ask. This names the owner of that contact (and nothing else about it), within the tenant.
CREATE FUNCTION medsales_contact_owner(p_npi bigint) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$ SELECT owner_id FROM contact WHERE tenant_id = medsales_tenant() AND npi = p_npi AND deleted_at IS NULL LIMIT 1 $$;
REVOKE ALL ON FUNCTION medsales_contact_owner(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION medsales_contact_owner(bigint) TO ${appRole};
