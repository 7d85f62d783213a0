-- What a career's summary shows and lists filter on since the family-facing pages: the class-11 streams that
-- lead to it (space-separated keys, e.g. "pcm commerce") and the shortest Indian route (`bachelors`, …).
-- Profiles written before this read back with none until the catalog is loaded again.
ALTER TABLE careers ADD COLUMN school_streams TEXT NOT NULL DEFAULT '';
ALTER TABLE careers ADD COLUMN education_route TEXT;
