-- The Admin Area's audit trail filters by action and actor label, and its email log by state and recipient.
CREATE INDEX audit_action_ix ON audit_events (action, occurred_at);
CREATE INDEX outbox_state_ix ON outbox (state, id);
