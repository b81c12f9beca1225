-- A name search matched whole names by trigram similarity (0.2) through a trigram index on provider_name_search
-- (V60). On the national registry each query trigram such as "  l" or " cl" is carried by hundreds of thousands of
-- names, and the index read them all: 40 to 50 ms for "leroy clark" before a row was fetched, 175 ms when the first,
-- stricter attempt did not fill the page. A name now matches word by word: each word of the query (initials aside)
-- must match a word of the name, the same word, a similar one (trigram similarity of the words) or the same letters
-- in another order ("jai" and "jia"); names are ranked by the similarity of the whole name, as before.
--
-- provider_name_word holds each distinct word of the search names once, with its letters sorted: the query's words
-- find their matches there (a small table, tens of thousands of words nationally). provider_name_search gains each
-- name's words, indexed, so the names carrying one matching word for each query word come from one index scan.
-- Both are derived from provider and rebuilt, set-based, with the registry (provider.ProviderSearchIndex).
CREATE TABLE provider_name_search_v75 AS
SELECT search_name, array_agg(npi ORDER BY npi) AS npis, string_to_array(search_name, ' ') AS words
FROM provider
WHERE search_name IS NOT NULL
GROUP BY search_name;

DROP TABLE provider_name_search;
ALTER TABLE provider_name_search_v75 RENAME TO provider_name_search;
ALTER TABLE provider_name_search ALTER COLUMN search_name SET NOT NULL, ALTER COLUMN npis SET NOT NULL,
                                 ALTER COLUMN words SET NOT NULL;
CREATE INDEX provider_name_search_words ON provider_name_search USING gin (words);
ANALYZE provider_name_search;

CREATE TABLE provider_name_word AS
SELECT w.word,
       (SELECT string_agg(c, '' ORDER BY c COLLATE "C") FROM regexp_split_to_table(w.word, '') AS c) AS letters
FROM (SELECT DISTINCT unnest(words) AS word FROM provider_name_search) w
WHERE w.word <> '';

ALTER TABLE provider_name_word ALTER COLUMN word SET NOT NULL, ALTER COLUMN letters SET NOT NULL;
CREATE INDEX provider_name_word_trgm ON provider_name_word USING gin (word gin_trgm_ops);
CREATE INDEX provider_name_word_letters ON provider_name_word (letters) INCLUDE (word);
ANALYZE provider_name_word;
