-- The answer a student gave last to each knowledge check, so that a revisited page shows it with its grade.
ALTER TABLE check_answer ADD COLUMN last_values VARCHAR(8000);
