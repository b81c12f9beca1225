-- A password an administrator reset is a temporary one: its user must change it at the next sign-in, and may do
-- nothing else until then. The sign-in and token look-ups return the flag, so sessions and tokens both carry it.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

DROP FUNCTION medsales_sign_in_lookup(text);
CREATE FUNCTION medsales_sign_in_lookup(p_username text)
RETURNS TABLE (id uuid, tenant_id uuid, username text, display_name text, password_hash text, roles text[], enabled boolean,
               must_change_password boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT u.id, u.tenant_id, u.username, u.display_name, u.password_hash, u.roles, u.enabled, u.must_change_password
  FROM app_user u WHERE lower(u.username) = lower(p_username)
$$;

DROP FUNCTION medsales_token_lookup(bytea);
CREATE FUNCTION medsales_token_lookup(p_hash bytea)
RETURNS TABLE (token_id uuid, kind text, scope text, expires_at timestamptz, revoked_at timestamptz,
               previous_use timestamptz, user_id uuid, tenant_id uuid, username text, display_name text, roles text[],
               enabled boolean, must_change_password boolean)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
  WITH used AS (
    UPDATE api_token t SET last_used_at = now()
    FROM api_token old
    WHERE t.token_hash = p_hash AND old.id = t.id AND t.revoked_at IS NULL AND t.expires_at > now()
    RETURNING t.id, old.last_used_at AS previous_use
  )
  SELECT t.id, t.kind, t.scope, t.expires_at, t.revoked_at, used.previous_use,
         u.id, u.tenant_id, u.username, u.display_name, u.roles, u.enabled, u.must_change_password
  FROM api_token t JOIN app_user u ON u.id = t.user_id LEFT JOIN used ON used.id = t.id
  WHERE t.token_hash = p_hash
$$;

REVOKE ALL ON FUNCTION medsales_sign_in_lookup(text), medsales_token_lookup(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION medsales_sign_in_lookup(text), medsales_token_lookup(bytea) TO ${appRole};
