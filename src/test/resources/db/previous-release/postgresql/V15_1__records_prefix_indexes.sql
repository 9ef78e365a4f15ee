-- Prefix search (LIKE 'abc%') needs pattern operators under a non-C collation.
CREATE INDEX audit_actor_label_ix ON audit_events (lower(actor_label) varchar_pattern_ops);
CREATE INDEX outbox_recipient_prefix_ix ON outbox (recipient varchar_pattern_ops);
