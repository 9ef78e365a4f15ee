-- Staff two-factor: the TOTP key (encrypted like the users' keys) and the last accepted time step, so a
-- code is accepted once. The staff list is ordered by name.
ALTER TABLE staff ADD COLUMN totp_secret VARCHAR(255);
ALTER TABLE staff ADD COLUMN totp_last_step BIGINT;
CREATE INDEX staff_name_ix ON staff (name, id);
