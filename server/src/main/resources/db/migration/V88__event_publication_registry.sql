-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.x, its PostgreSQL schema "v2"): one row
-- per event and transactional listener, written in the publishing transaction, so that a listener that failed or whose
-- process died is handed the event again (the ingestion worker resubmits them at its start and every few minutes).
-- Flyway owns the table: spring.modulith.events.jdbc.schema-initialization.enabled stays false. Completed rows are
-- deleted (spring.modulith.events.completion-mode: delete); what remains is outstanding work.
CREATE TABLE event_publication (
    id                     uuid                     NOT NULL PRIMARY KEY,
    listener_id            text                     NOT NULL,
    event_type             text                     NOT NULL,
    serialized_event       text                     NOT NULL,
    publication_date       timestamp with time zone NOT NULL,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- the registry works through the application's pool; the table holds platform events, never a tenant's rows
GRANT SELECT, INSERT, UPDATE, DELETE ON event_publication TO ${appRole};
