-- Browsers that logged in successfully as an address: they keep their own small budget of failed logins
-- while the address is locked by failures from elsewhere. Only the hash of the browser's cookie is kept.
CREATE TABLE known_devices (
    device_hash    VARCHAR(64) NOT NULL,
    scope          VARCHAR(40) NOT NULL,
    email          VARCHAR(320) NOT NULL,
    last_login_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (device_hash, scope, email)
);
CREATE INDEX known_devices_last_login_ix ON known_devices (last_login_at);
