-- H2 uses plain indexes for prefix search; PostgreSQL has its own version of this file.
CREATE INDEX audit_actor_label_ix ON audit_events (actor_label);
