-- Every write checks an assessment's AGS against the base data before it is stored (an unknown AGS is a 400
-- naming the row), and municipalities are never deleted. The foreign key checked each of an import's rows a
-- second time, one lookup per row inside COPY: about a third of a 100,000-row import (docs/benchmarks.md).
-- SQLite never enforced it (foreign keys are off there), so both providers now behave alike.
ALTER TABLE assessments DROP CONSTRAINT IF EXISTS assessments_ags_fkey;
