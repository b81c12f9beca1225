-- Issue 17, items 3, 5, 6 and 10.

-- The backend that holds a running run's dataset lock (its session's advisory lock): a run still RUNNING whose backend
-- no longer holds the lock belongs to a process that died (kill -9) and is failed, so that it can be retried.
-- Whether the run was asked for through the API (its source confined to MEDSALES_INGEST_DIRS and
-- MEDSALES_INGEST_HOSTS when the worker reads it), and, for a retry, the run it retries: a retry keeps the original's
-- place in the order of runs, so that an old file retried late still does not replace a newer one.
ALTER TABLE ingestion_run
    ADD COLUMN lock_pid integer,
    ADD COLUMN confined boolean NOT NULL DEFAULT false,
    ADD COLUMN retry_of bigint;

-- An audit event's chain lock was taken before the tenant row's KEY SHARE lock (the foreign key check of the insert):
-- a transaction that held a lock on tenant and then appended an event to the same chain (provisioning under
-- LOCK TABLE tenant) waited for the chain lock while the chain's holder waited for tenant: a deadlock, and a 500 for
-- whoever lost. Now every append takes the tenant row first, then the chain lock: one order for everyone.
CREATE OR REPLACE FUNCTION medsales_audit_append(
    p_tenant uuid, p_actor_id uuid, p_actor text, p_client_ip text, p_action text, p_target text, p_outcome text,
    p_details jsonb)
RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  e audit_event;
  prev bytea;
  new_id bigint;
BEGIN
  IF p_tenant IS NOT NULL THEN
    -- the lock the foreign key check takes, taken before the chain lock rather than while holding it
    PERFORM 1 FROM tenant t WHERE t.id = p_tenant FOR KEY SHARE;
  END IF;
  -- one writer per chain at a time, so each event links to the one before it
  PERFORM pg_advisory_xact_lock(hashtextextended('medsales.audit.' || coalesce(p_tenant::text, 'platform'), 0));
  IF p_tenant IS NULL THEN
    SELECT a.hash INTO prev FROM audit_event a WHERE a.tenant_id IS NULL ORDER BY a.id DESC LIMIT 1;
  ELSE
    SELECT a.hash INTO prev FROM audit_event a WHERE a.tenant_id = p_tenant ORDER BY a.id DESC LIMIT 1;
  END IF;
  e.prev_hash := prev;
  e.tenant_id := p_tenant;
  e.occurred_at := date_trunc('microseconds', clock_timestamp());
  e.actor_id := p_actor_id; e.actor := p_actor; e.client_ip := p_client_ip; e.action := p_action;
  e.target := p_target; e.outcome := p_outcome; e.details := coalesce(p_details, '{}'::jsonb);
  e.hash := sha256(coalesce(e.prev_hash, '\x'::bytea) || medsales_audit_payload(e));
  INSERT INTO audit_event (tenant_id, occurred_at, actor_id, actor, client_ip, action, target, outcome, details,
                           prev_hash, hash)
  VALUES (e.tenant_id, e.occurred_at, e.actor_id, e.actor, e.client_ip, e.action, e.target, e.outcome, e.details,
          e.prev_hash, e.hash)
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;
