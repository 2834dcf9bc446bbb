-- Grading as a queue in the database, for several kits and grader workers on one PostgreSQL: which worker holds
-- a submission's grading (and, once graded, which one graded it), until when its lease runs, and how many times
-- grading it was begun. A lease that runs out (the worker died) puts the submission back in the queue.
ALTER TABLE lab_submission ADD COLUMN worker_id VARCHAR(160);
ALTER TABLE lab_submission ADD COLUMN lease_until TIMESTAMP;
ALTER TABLE lab_submission ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX lab_submission_by_status ON lab_submission (status, id);
