-- What the per-image quality search chose for a job's output: the encoder's quality, the SSIM score reached,
-- and the level's target. Null when the quality was not searched.
ALTER TABLE jobs ADD COLUMN output_quality INTEGER;
ALTER TABLE jobs ADD COLUMN output_score DOUBLE PRECISION;
ALTER TABLE jobs ADD COLUMN output_target DOUBLE PRECISION;
