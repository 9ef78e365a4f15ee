-- H2 uses plain indexes for prefix search; PostgreSQL has its own version of this file.
CREATE INDEX users_last_name_prefix_ix ON users (last_name);
