-- The users directory searches first names too (prefix, case-insensitive); the login history reads one
-- action of one user, newest first.
CREATE INDEX users_first_name_prefix_ix ON users (lower(first_name) varchar_pattern_ops);
CREATE INDEX audit_user_action_ix ON audit_events (user_id, action, occurred_at);
