-- Roster as the OpenID Connect provider (Spring Authorization Server). The three oauth2_* tables are the
-- layout Spring Authorization Server's JDBC services read and write (its own schema files), with every
-- timestamp WITH TIME ZONE and its BLOB columns as TEXT, as its notes advise for PostgreSQL. Token values
-- are stored as SHA-256 hashes (hence VARCHAR(64), indexed for the lookups), never as issued (see oidc.HashedAuthorizations).

CREATE TABLE oauth2_registered_client (
    id                            VARCHAR(100)  NOT NULL PRIMARY KEY,
    client_id                     VARCHAR(100)  NOT NULL,
    client_id_issued_at           TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret                 VARCHAR(500),
    client_secret_expires_at      TIMESTAMP WITH TIME ZONE,
    client_name                   VARCHAR(200)  NOT NULL,
    client_authentication_methods VARCHAR(1000) NOT NULL,
    authorization_grant_types     VARCHAR(1000) NOT NULL,
    redirect_uris                 VARCHAR(4000),
    post_logout_redirect_uris     VARCHAR(4000),
    scopes                        VARCHAR(1000) NOT NULL,
    client_settings               VARCHAR(4000) NOT NULL,
    token_settings                VARCHAR(2000) NOT NULL,
    CONSTRAINT oauth2_registered_client_client_id_uk UNIQUE (client_id)
);
CREATE INDEX oauth2_registered_client_name_ix ON oauth2_registered_client (client_name);

CREATE TABLE oauth2_authorization (
    id                            VARCHAR(100)  NOT NULL PRIMARY KEY,
    registered_client_id          VARCHAR(100)  NOT NULL,
    principal_name                VARCHAR(200)  NOT NULL,
    authorization_grant_type      VARCHAR(100)  NOT NULL,
    authorized_scopes             VARCHAR(1000),
    attributes                    TEXT,
    state                         VARCHAR(500),
    authorization_code_value      VARCHAR(64),
    authorization_code_issued_at  TIMESTAMP WITH TIME ZONE,
    authorization_code_expires_at TIMESTAMP WITH TIME ZONE,
    authorization_code_metadata   TEXT,
    access_token_value            VARCHAR(64),
    access_token_issued_at        TIMESTAMP WITH TIME ZONE,
    access_token_expires_at       TIMESTAMP WITH TIME ZONE,
    access_token_metadata         TEXT,
    access_token_type             VARCHAR(100),
    access_token_scopes           VARCHAR(1000),
    oidc_id_token_value           VARCHAR(64),
    oidc_id_token_issued_at       TIMESTAMP WITH TIME ZONE,
    oidc_id_token_expires_at      TIMESTAMP WITH TIME ZONE,
    oidc_id_token_metadata        TEXT,
    refresh_token_value           VARCHAR(64),
    refresh_token_issued_at       TIMESTAMP WITH TIME ZONE,
    refresh_token_expires_at      TIMESTAMP WITH TIME ZONE,
    refresh_token_metadata        TEXT,
    user_code_value               VARCHAR(64),
    user_code_issued_at           TIMESTAMP WITH TIME ZONE,
    user_code_expires_at          TIMESTAMP WITH TIME ZONE,
    user_code_metadata            TEXT,
    device_code_value             VARCHAR(64),
    device_code_issued_at         TIMESTAMP WITH TIME ZONE,
    device_code_expires_at        TIMESTAMP WITH TIME ZONE,
    device_code_metadata          TEXT
);
CREATE INDEX oauth2_authorization_principal_ix ON oauth2_authorization (principal_name, registered_client_id);
CREATE INDEX oauth2_authorization_client_ix ON oauth2_authorization (registered_client_id);
CREATE INDEX oauth2_authorization_state_ix ON oauth2_authorization (state);
CREATE INDEX oauth2_authorization_code_ix ON oauth2_authorization (authorization_code_value);
CREATE INDEX oauth2_authorization_access_ix ON oauth2_authorization (access_token_value);
CREATE INDEX oauth2_authorization_id_token_ix ON oauth2_authorization (oidc_id_token_value);
CREATE INDEX oauth2_authorization_refresh_ix ON oauth2_authorization (refresh_token_value);
CREATE INDEX oauth2_authorization_user_code_ix ON oauth2_authorization (user_code_value);
CREATE INDEX oauth2_authorization_device_code_ix ON oauth2_authorization (device_code_value);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id VARCHAR(100)  NOT NULL,
    principal_name       VARCHAR(200)  NOT NULL,
    authorities          VARCHAR(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);
CREATE INDEX oauth2_authorization_consent_principal_ix ON oauth2_authorization_consent (principal_name);

-- The keys that sign ID and access tokens, shared by every node. The private key is encrypted (AES-256-GCM,
-- user.SecretEncryption); the newest active key signs, retired ones stay published until their tokens expire.
CREATE TABLE oidc_signing_keys (
    kid            VARCHAR(64)   NOT NULL PRIMARY KEY,
    algorithm      VARCHAR(10)   NOT NULL,
    jwk_encrypted  TEXT          NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX oidc_signing_keys_created_ix ON oidc_signing_keys (created_at);

-- Refresh tokens already exchanged for a new one (rotation), by hash: presenting one again is a reuse, which
-- revokes the whole grant (OAuth 2.0 Security BCP, refresh token rotation).
CREATE TABLE oidc_spent_refresh_tokens (
    token_hash        VARCHAR(64)  NOT NULL PRIMARY KEY,
    authorization_id  VARCHAR(100) NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oidc_spent_refresh_tokens_authorization_ix ON oidc_spent_refresh_tokens (authorization_id);
CREATE INDEX oidc_spent_refresh_tokens_expires_ix ON oidc_spent_refresh_tokens (expires_at);
