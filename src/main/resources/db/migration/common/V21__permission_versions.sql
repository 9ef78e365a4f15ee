-- Every change of a membership's or a pending invitation's permissions increments its version. The permission
-- forms carry the version they showed, and a save is a conditional UPDATE on it: a form opened before someone
-- else's change is refused instead of silently overwriting that change.
ALTER TABLE memberships ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE invitations ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
