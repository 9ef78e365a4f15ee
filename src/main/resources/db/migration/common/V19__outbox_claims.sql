-- Which node holds a message's claim: a node finishing late (its claim lapsed and another node took the
-- message) must not overwrite the other node's attempt.
ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(64);
-- Due mail is taken oldest first (by id) through outbox_state_ix (state, id); ordering by next_attempt_at
-- is gone, and H2 preferred this index and then sorted every queued row on each poll.
DROP INDEX outbox_due_ix;
