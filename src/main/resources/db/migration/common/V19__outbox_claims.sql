-- Which node holds a message's claim: a node finishing late (its claim lapsed and another node took the
-- message) must not overwrite the other node's attempt.
ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(64);
