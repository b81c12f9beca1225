-- Two gaps of a rep's first hour (issue 18).
--
-- 1. Every NPI of every dataset has a profile (module payments, read by provider.CmsProviders). A research payment
-- names its covered recipient and up to five principal investigators, an ownership interest its physician owner, each
-- with a name and a business address: an NPI only these files name (the registry lacks it, no other CMS file has it)
-- is known from them alone. V9 kept their NPIs and profile IDs but not those names and addresses; they are kept now.
-- Rows loaded before this keep NULLs (and '[]'): their NPIs still get a profile, named by the NPI until reloaded.
ALTER TABLE op_research_payment
    ADD COLUMN recipient_first_name  text,
    ADD COLUMN recipient_middle_name text,
    ADD COLUMN recipient_last_name   text,
    ADD COLUMN recipient_line1       text,
    ADD COLUMN recipient_line2       text,
    ADD COLUMN recipient_city        text,
    ADD COLUMN recipient_state       text,
    ADD COLUMN recipient_zip         text,
    ADD COLUMN recipient_country     text,
    ADD COLUMN recipient_specialty   text,
    -- one object per principal investigator, in the file's order: npi, profileId, first, middle, last, line1, line2,
    -- city, state, zip, country, specialty (absent when the file leaves them blank)
    ADD COLUMN investigators         jsonb NOT NULL DEFAULT '[]';

ALTER TABLE op_ownership
    ADD COLUMN middle_name text,
    ADD COLUMN line1       text,
    ADD COLUMN line2       text,
    ADD COLUMN city        text,
    ADD COLUMN state       text,
    ADD COLUMN zip         text,
    ADD COLUMN country     text,
    ADD COLUMN specialty   text;

-- 2. A rep hands their contact to a colleague (module crm). The policy of V12 lets a write keep any owner of the
-- tenant (WITH CHECK), but an UPDATE whose WHERE reads the row must also leave a row the writer may still SELECT, so
-- the owner who gives a contact away (and is neither the new owner's manager nor an admin, nor aligned to its
-- territory) was refused with 42501. This changes the owner only: of a current contact of the caller's tenant that the
-- caller may see now and may edit (its owner, a manager of a team the owner is in, or an admin: RecordStore's rule,
-- checked again here), at the version the caller read, to an active user of the same tenant. The number of rows
-- changed (0: the version moved on, or the contact is not the caller's to give).
CREATE FUNCTION medsales_hand_over_contact(p_id uuid, p_version integer, p_owner uuid) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  changed integer;
BEGIN
  IF medsales_tenant() IS NULL OR medsales_user() IS NULL THEN
    RETURN 0;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = p_owner AND u.tenant_id = medsales_tenant() AND u.enabled) THEN
    RETURN 0;
  END IF;
  UPDATE contact c SET owner_id = p_owner, version = c.version + 1, updated_at = now()
  WHERE c.id = p_id AND c.tenant_id = medsales_tenant() AND c.version = p_version AND c.deleted_at IS NULL
    AND medsales_sees(c.owner_id, c.npi, c.zip5)
    AND (medsales_tenant_admin()
         OR c.owner_id = medsales_user()
         OR EXISTS (SELECT 1 FROM team t JOIN team_member m ON m.team_id = t.id
                    WHERE t.tenant_id = medsales_tenant() AND t.manager_id = medsales_user() AND m.user_id = c.owner_id));
  GET DIAGNOSTICS changed = ROW_COUNT;
  RETURN changed;
END
$$;
REVOKE ALL ON FUNCTION medsales_hand_over_contact(uuid, integer, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION medsales_hand_over_contact(uuid, integer, uuid) TO ${appRole};
