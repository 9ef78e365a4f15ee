-- The retention job finds old events by time, a batch at a time.
CREATE INDEX webhook_events_occurred_ix ON webhook_events (occurred_at);
