-- The last TOTP time step accepted for a user: a code is accepted once, never replayed within its window.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
