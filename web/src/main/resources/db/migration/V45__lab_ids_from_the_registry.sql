-- Graded labs are plug-ins: the kit checks a lab's id against its registry, so the table takes any lab id.
ALTER TABLE lab_submission ADD COLUMN lab_id VARCHAR(32);
UPDATE lab_submission SET lab_id = lab;
ALTER TABLE lab_submission ALTER COLUMN lab_id SET NOT NULL;
DROP INDEX lab_submission_by_person;
ALTER TABLE lab_submission DROP COLUMN lab;
ALTER TABLE lab_submission RENAME COLUMN lab_id TO lab;
ALTER TABLE lab_submission ADD CONSTRAINT lab_submission_lab_id CHECK (lab <> '');
CREATE INDEX lab_submission_by_person ON lab_submission (account_id, lab, id);
