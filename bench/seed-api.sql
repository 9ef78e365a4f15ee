-- After seed.sql: grows its big account to 10,010 members (the API benchmark's member list), and adds one
-- platform API key whose secret the caller chose: psql -v key_id=… -v secret_hash=… -f bench/seed-api.sql
SET synchronous_commit = off;

INSERT INTO memberships (account_id, user_id, permissions, created_at)
SELECT (SELECT min(id) FROM accounts), u, 'invoices', now() FROM generate_series(905001, 910000) u
ON CONFLICT DO NOTHING;

INSERT INTO api_keys (key_id, secret_hash, name, scopes, created_by, created_at)
VALUES (:'key_id', :'secret_hash', 'API benchmark', 'members:read,contacts:read,audit:read', 'bench', now());

ANALYZE memberships;
