-- Every reference between tenant-owned rows stays inside one tenant, enforced by the database as well as by the
-- services: each foreign key now includes tenant_id, so a row can only point at a row of its own tenant. (A plain
-- foreign key is checked without row-level security, which is how one tenant's contact could name another tenant's
-- account.) A nullable reference is checked only when set, as before.

-- Links that already cross tenants can only have been made through that hole; they are cleared, not kept.
UPDATE contact c SET account_id = NULL FROM account a WHERE a.id = c.account_id AND a.tenant_id <> c.tenant_id;
UPDATE activity x SET account_id = NULL FROM account a WHERE a.id = x.account_id AND a.tenant_id <> x.tenant_id;
UPDATE opportunity o SET account_id = NULL FROM account a WHERE a.id = o.account_id AND a.tenant_id <> o.tenant_id;
UPDATE opportunity o SET contact_id = NULL FROM contact c WHERE c.id = o.contact_id AND c.tenant_id <> o.tenant_id;
UPDATE task t SET account_id = NULL FROM account a WHERE a.id = t.account_id AND a.tenant_id <> t.tenant_id;
UPDATE task t SET contact_id = NULL FROM contact c WHERE c.id = t.contact_id AND c.tenant_id <> t.tenant_id;
UPDATE task t SET opportunity_id = NULL FROM opportunity o WHERE o.id = t.opportunity_id AND o.tenant_id <> t.tenant_id;
UPDATE task t SET activity_id = NULL FROM activity a WHERE a.id = t.activity_id AND a.tenant_id <> t.tenant_id;
DELETE FROM activity_attendee x USING contact c WHERE c.id = x.contact_id AND c.tenant_id <> x.tenant_id;

-- The targets: (tenant_id, id) is unique wherever id is.
ALTER TABLE app_user ADD CONSTRAINT app_user_tenant_id_id_key UNIQUE (tenant_id, id);
ALTER TABLE team ADD CONSTRAINT team_tenant_id_id_key UNIQUE (tenant_id, id);
ALTER TABLE territory ADD CONSTRAINT territory_tenant_id_id_key UNIQUE (tenant_id, id);
ALTER TABLE account ADD CONSTRAINT account_tenant_id_id_key UNIQUE (tenant_id, id);
ALTER TABLE contact ADD CONSTRAINT contact_tenant_id_id_key UNIQUE (tenant_id, id);
ALTER TABLE activity ADD CONSTRAINT activity_tenant_id_id_key UNIQUE (tenant_id, id);
ALTER TABLE pipeline_stage ADD CONSTRAINT pipeline_stage_tenant_id_id_key UNIQUE (tenant_id, id);
ALTER TABLE opportunity ADD CONSTRAINT opportunity_tenant_id_id_key UNIQUE (tenant_id, id);

-- Identity: a team's manager and members are users of the team's tenant.
ALTER TABLE team DROP CONSTRAINT team_manager_id_fkey,
    ADD CONSTRAINT team_manager_id_fkey FOREIGN KEY (tenant_id, manager_id) REFERENCES app_user (tenant_id, id);
ALTER TABLE team_member DROP CONSTRAINT team_member_team_id_fkey, DROP CONSTRAINT team_member_user_id_fkey,
    ADD CONSTRAINT team_member_team_id_fkey FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT team_member_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id);

-- Territories.
ALTER TABLE territory DROP CONSTRAINT territory_parent_id_fkey,
    ADD CONSTRAINT territory_parent_id_fkey FOREIGN KEY (tenant_id, parent_id) REFERENCES territory (tenant_id, id);
ALTER TABLE territory_zip DROP CONSTRAINT territory_zip_territory_id_fkey,
    ADD CONSTRAINT territory_zip_territory_id_fkey FOREIGN KEY (tenant_id, territory_id) REFERENCES territory (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE territory_state DROP CONSTRAINT territory_state_territory_id_fkey,
    ADD CONSTRAINT territory_state_territory_id_fkey FOREIGN KEY (tenant_id, territory_id) REFERENCES territory (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE territory_county DROP CONSTRAINT territory_county_territory_id_fkey,
    ADD CONSTRAINT territory_county_territory_id_fkey FOREIGN KEY (tenant_id, territory_id) REFERENCES territory (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE territory_assignment DROP CONSTRAINT territory_assignment_territory_id_fkey,
    DROP CONSTRAINT territory_assignment_user_id_fkey,
    ADD CONSTRAINT territory_assignment_territory_id_fkey FOREIGN KEY (tenant_id, territory_id) REFERENCES territory (tenant_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT territory_assignment_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id);

-- CRM records.
ALTER TABLE account DROP CONSTRAINT account_owner_id_fkey,
    ADD CONSTRAINT account_owner_id_fkey FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id);
ALTER TABLE contact DROP CONSTRAINT contact_account_id_fkey, DROP CONSTRAINT contact_owner_id_fkey,
    ADD CONSTRAINT contact_account_id_fkey FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id),
    ADD CONSTRAINT contact_owner_id_fkey FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id);
ALTER TABLE activity DROP CONSTRAINT activity_account_id_fkey, DROP CONSTRAINT activity_owner_id_fkey,
    ADD CONSTRAINT activity_account_id_fkey FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id),
    ADD CONSTRAINT activity_owner_id_fkey FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id);
ALTER TABLE activity_attendee DROP CONSTRAINT activity_attendee_activity_id_fkey, DROP CONSTRAINT activity_attendee_contact_id_fkey,
    ADD CONSTRAINT activity_attendee_activity_id_fkey FOREIGN KEY (tenant_id, activity_id) REFERENCES activity (tenant_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT activity_attendee_contact_id_fkey FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id);
ALTER TABLE opportunity DROP CONSTRAINT opportunity_account_id_fkey, DROP CONSTRAINT opportunity_contact_id_fkey,
    DROP CONSTRAINT opportunity_stage_id_fkey, DROP CONSTRAINT opportunity_owner_id_fkey,
    ADD CONSTRAINT opportunity_account_id_fkey FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id),
    ADD CONSTRAINT opportunity_contact_id_fkey FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id),
    ADD CONSTRAINT opportunity_stage_id_fkey FOREIGN KEY (tenant_id, stage_id) REFERENCES pipeline_stage (tenant_id, id),
    ADD CONSTRAINT opportunity_owner_id_fkey FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id);
ALTER TABLE task DROP CONSTRAINT task_assignee_id_fkey, DROP CONSTRAINT task_contact_id_fkey,
    DROP CONSTRAINT task_account_id_fkey, DROP CONSTRAINT task_opportunity_id_fkey,
    DROP CONSTRAINT task_activity_id_fkey, DROP CONSTRAINT task_created_by_fkey,
    ADD CONSTRAINT task_assignee_id_fkey FOREIGN KEY (tenant_id, assignee_id) REFERENCES app_user (tenant_id, id),
    ADD CONSTRAINT task_contact_id_fkey FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id),
    ADD CONSTRAINT task_account_id_fkey FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id),
    ADD CONSTRAINT task_opportunity_id_fkey FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunity (tenant_id, id),
    ADD CONSTRAINT task_activity_id_fkey FOREIGN KEY (tenant_id, activity_id) REFERENCES activity (tenant_id, id),
    ADD CONSTRAINT task_created_by_fkey FOREIGN KEY (tenant_id, created_by) REFERENCES app_user (tenant_id, id);
