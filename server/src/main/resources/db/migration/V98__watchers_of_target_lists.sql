-- The providers a user watches for notifications: their contacts' NPIs (V93) and now the members of the target lists
-- they own. Same columns, so every statement that joins notification_watcher sees both.
CREATE OR REPLACE VIEW notification_watcher WITH (security_invoker = true) AS
SELECT c.tenant_id, c.owner_id AS user_id, c.npi, 'CONTACT'::text AS via
FROM contact c
WHERE c.npi IS NOT NULL AND c.deleted_at IS NULL
UNION ALL
SELECT m.tenant_id, l.owner_id AS user_id, m.npi, 'TARGET'::text AS via
FROM target_member m
JOIN target_list l ON l.id = m.list_id AND l.tenant_id = m.tenant_id;
