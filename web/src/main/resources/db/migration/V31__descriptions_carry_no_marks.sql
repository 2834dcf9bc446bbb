-- A description (text only, no answer) carries no marks. Attempts started before gave it its slot's mark, so no
-- attempt at a quiz with one could reach 100 %: its items get mark 0, and those attempts' maximum and score (and
-- so the results, the gradebook and the exports) are summed again from their items.
UPDATE quiz_attempt_item SET mark = 0
WHERE mark <> 0 AND question_version_id IN (SELECT id FROM quiz_question_version WHERE qtype = 'description');

UPDATE quiz_attempt SET
    max_score = (SELECT COALESCE(SUM(i.mark), 0) FROM quiz_attempt_item i WHERE i.attempt_id = quiz_attempt.id),
    score = CASE WHEN score IS NULL THEN NULL
                 ELSE (SELECT COALESCE(SUM(i.fraction * i.mark), 0) FROM quiz_attempt_item i
                       WHERE i.attempt_id = quiz_attempt.id) END
WHERE id IN (SELECT i.attempt_id FROM quiz_attempt_item i
             JOIN quiz_question_version v ON v.id = i.question_version_id WHERE v.qtype = 'description');
