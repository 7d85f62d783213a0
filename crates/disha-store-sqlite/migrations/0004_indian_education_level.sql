-- Lists now filter and sort on the shortest Indian route to a first job (`after-10` … `doctorate`), which the
-- documents and the API call `education_level`. O*NET's Job Zone, the old 1–5 `education_level`, survives only
-- inside the document as `interests.job_zone`, a labelled O*NET fact.
--
-- A profile stored before the route existed has none to move; it is hidden (its document kept) until the
-- catalog is loaded again, rather than shown with an invented level.
UPDATE careers SET status = 'draft' WHERE education_route IS NULL;

UPDATE careers
SET body = json_set(
        json_remove(body, '$.education_level', '$.education_route'),
        '$.education_level', education_route,
        '$.interests.job_zone', education_level
    );

ALTER TABLE careers DROP COLUMN education_level;
ALTER TABLE careers RENAME COLUMN education_route TO education_level;
