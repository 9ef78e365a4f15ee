-- Keyset reads for the API: each page starts at the cursor's row in an index that ends in the list's order, so
-- a page far down a list costs what the first one does. A user's accounts by account id; on PostgreSQL this
-- index replaces the one on user_id alone (V23_1).
CREATE INDEX memberships_user_account_ix ON memberships (user_id, account_id);
-- An account's invitations newest first by id, all of them or those of one stored status.
CREATE INDEX invitations_account_id_ix ON invitations (account_id, id);
CREATE INDEX invitations_account_status_id_ix ON invitations (account_id, status, id);
-- An account's contacts in the order they were added.
CREATE INDEX contacts_account_id_ix ON contacts (account_id, id);

-- The first answer to a POST sent with an Idempotency-Key, per principal and key, returned again to a retry of
-- the same request. A row without a status is a claim: the first request is still running.
CREATE TABLE idempotency_keys (
    principal        VARCHAR(300)  NOT NULL,
    idempotency_key  VARCHAR(255)  NOT NULL,
    request_hash     CHAR(64)      NOT NULL,
    claimed_by       CHAR(36)      NOT NULL,
    status           INT,
    content_type     VARCHAR(255),
    location         VARCHAR(2000),
    etag             VARCHAR(255),
    body             BYTEA,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (principal, idempotency_key)
);
CREATE INDEX idempotency_keys_created_ix ON idempotency_keys (created_at);
