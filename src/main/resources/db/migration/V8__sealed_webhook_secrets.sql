-- Webhook secrets are sealed under the master key, as connector credentials are. The sealed value is longer than
-- the clear one's column allows, so it gets a column of its own; a clear secret left in `webhook_secret` by an
-- older version is sealed into the new column, and cleared, the first time it is read.
ALTER TABLE accounts ADD COLUMN webhook_secret_sealed TEXT;
