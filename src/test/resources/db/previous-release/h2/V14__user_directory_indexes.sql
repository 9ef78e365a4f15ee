-- The users directory searches first names too; the login history reads one action of one user.
-- H2 has no expression indexes; PostgreSQL has its own version of this file.
CREATE INDEX users_first_name_prefix_ix ON users (first_name);
CREATE INDEX audit_user_action_ix ON audit_events (user_id, action, occurred_at);
