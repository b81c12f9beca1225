-- Open Payments rollups say where a provider stands among peers: the specialty and state the payments name most often
-- for the recipient, and the percentile of the year's total among recipients of that specialty and state (as Part B
-- and Part D rollups do). Filled from the next load of each program year.
ALTER TABLE op_rollup ADD COLUMN specialty text, ADD COLUMN state text, ADD COLUMN amount_percentile numeric(5, 2);
