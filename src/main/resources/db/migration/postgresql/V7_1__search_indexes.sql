-- Prefix search (LIKE 'abc%') needs pattern operators under a non-C collation.
CREATE INDEX users_email_prefix_ix ON users (email varchar_pattern_ops);
CREATE INDEX users_last_name_prefix_ix ON users (lower(last_name) varchar_pattern_ops);
CREATE INDEX accounts_name_prefix_ix ON accounts (lower(name) varchar_pattern_ops);
