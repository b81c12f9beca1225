-- A prescriber's top five drugs are written once by the load and only ever read back whole (as text, by
-- utilization.MedicareUtilization): json keeps the text as given after checking it, where jsonb parsed every array into
-- its binary tree. At the national size that parse was 7 s of the rollups' COPY backend (a million arrays of about
-- 500 bytes) against 4 s as json, on a load whose two cores are both busy. Nothing queries inside the arrays.
ALTER TABLE partd_rollup ALTER COLUMN top_drugs TYPE json USING top_drugs::json;
