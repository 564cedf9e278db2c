-- The first start's claim: the one node that inserts this single row creates the first account and its key, however
-- many nodes start together on an empty database. A database that already has accounts has had its first start.
CREATE TABLE first_start (
    singleton   INTEGER                  PRIMARY KEY CHECK (singleton = 1),
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO first_start (singleton, claimed_at) SELECT 1, CURRENT_TIMESTAMP WHERE EXISTS (SELECT 1 FROM accounts);
