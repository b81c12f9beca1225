-- A name search reads its page through the trigram index on provider.search_name: on the national registry a common
-- name ("leroy clark") makes the index hand over some 18,000 candidate rows of the wide provider table, each read
-- and measured again, about a second on this machine. Names repeat (9M providers carry 3.3M distinct search names),
-- so this table holds each distinct search name once with the NPIs that carry it: its trigram index is a third of the
-- size and its rows are narrow, the page is sorted and limited on the names' similarity and only the page's NPIs reach
-- the registry. Derived from provider and rebuilt, set-based, after every NPPES publish
-- (provider.ProviderSearchIndex); the search still reads the registry's own rows for the status and the other filters.
CREATE TABLE provider_name_search (
    search_name text     NOT NULL,
    npis        bigint[] NOT NULL
);

INSERT INTO provider_name_search (search_name, npis)
SELECT search_name, array_agg(npi ORDER BY npi)
FROM provider
WHERE search_name IS NOT NULL
GROUP BY search_name;

CREATE INDEX provider_name_search_trgm ON provider_name_search USING gin (search_name gin_trgm_ops);
ANALYZE provider_name_search;
