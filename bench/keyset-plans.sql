-- EXPLAIN ANALYZE of the API's keyset lists on a database seeded with bench/keyset-seed.sql: first pages and
-- pages deep into each list, with the SQL the listings send (a page of 50 fetches 51 rows). The first page
-- passes the smallest (or largest) long as its bound, as the listings do.
\pset pager off
\echo '== M1 members of account 1 (100,000), first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m.user_id, m.permissions, m.active, m.version, m.created_at, u.first_name, u.last_name,
       u.email, u.email_verified, u.last_login_at,
       (SELECT a.owner_user_id FROM accounts a WHERE a.id = 1) AS owner_user_id
FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.account_id = 1 AND m.user_id > -9223372036854775808 AND u.id > -9223372036854775808
ORDER BY m.user_id LIMIT 51;
\echo '== M2 members of account 1, the page after member 99,950 (user 999,503)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m.user_id, m.permissions, m.active, m.version, m.created_at, u.first_name, u.last_name,
       u.email, u.email_verified, u.last_login_at,
       (SELECT a.owner_user_id FROM accounts a WHERE a.id = 1) AS owner_user_id
FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.account_id = 1 AND m.user_id > 999503 AND u.id > 999503 ORDER BY m.user_id LIMIT 51;
\echo '== M3 members of account 1 searched "dan" (every member matches; 100,000 users do), page halfway'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m.user_id, u.email FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.account_id = 1 AND m.user_id > 500000 AND u.id > 500000
  AND (u.email LIKE 'dan%' ESCAPE '\' OR lower(u.first_name) LIKE 'dan%' ESCAPE '\'
       OR lower(u.last_name) LIKE 'dan%' ESCAPE '\')
ORDER BY m.user_id LIMIT 51;
\echo '== M4 members of account 1 searched "user99999" (11 users, 1 member), first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m.user_id, u.email FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.account_id = 1 AND m.user_id > -9223372036854775808 AND u.id > -9223372036854775808
  AND (u.email LIKE 'user99999%' ESCAPE '\' OR lower(u.first_name) LIKE 'user99999%' ESCAPE '\'
       OR lower(u.last_name) LIKE 'user99999%' ESCAPE '\')
ORDER BY m.user_id LIMIT 51;
\echo '== M5 members of account 1 searched "ann" (100,000 users, 1 member): the known slow case'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m.user_id, u.email FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.account_id = 1 AND m.user_id > -9223372036854775808 AND u.id > -9223372036854775808
  AND (u.email LIKE 'ann%' ESCAPE '\' OR lower(u.first_name) LIKE 'ann%' ESCAPE '\'
       OR lower(u.last_name) LIKE 'ann%' ESCAPE '\')
ORDER BY m.user_id LIMIT 51;
\echo '== U1 a user''s accounts (user 999,993), first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m.account_id, a.name, a.status, a.owner_user_id, m.permissions, m.active, m.version, m.created_at
FROM memberships m JOIN accounts a ON a.id = m.account_id
WHERE m.user_id = 999993 AND m.account_id > -9223372036854775808 ORDER BY m.account_id LIMIT 51;
\echo '== I1 invitations of account 1 (60,000, the oldest of 210,000), all, first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM invitations WHERE id IN (
  (SELECT id FROM invitations WHERE account_id = 1 AND id < 9223372036854775807 ORDER BY id DESC LIMIT 51))
ORDER BY id DESC LIMIT 51;
\echo '== I2 invitations of account 1, all, deep page (before id 100)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM invitations WHERE id IN (
  (SELECT id FROM invitations WHERE account_id = 1 AND id < 100 ORDER BY id DESC LIMIT 51))
ORDER BY id DESC LIMIT 51;
\echo '== I3 invitations of account 1, pending, first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM invitations WHERE id IN (
  (SELECT id FROM invitations WHERE account_id = 1 AND id < 9223372036854775807 AND status = 'PENDING'
     AND expires_at > now() ORDER BY id DESC LIMIT 51))
ORDER BY id DESC LIMIT 51;
\echo '== I4 invitations of account 1, expired (marked, and pending past expiry), deep page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM invitations WHERE id IN (
  (SELECT id FROM invitations WHERE account_id = 1 AND id < 1000 AND status = 'PENDING' AND expires_at <= now()
     ORDER BY id DESC LIMIT 51)
  UNION ALL (SELECT id FROM invitations WHERE account_id = 1 AND id < 1000 AND status = 'EXPIRED'
     ORDER BY id DESC LIMIT 51))
ORDER BY id DESC LIMIT 51;
\echo '== C1 contacts of account 1 (100,000), first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM contacts WHERE id IN (
  SELECT id FROM contacts WHERE account_id = 1 AND id > -9223372036854775808 ORDER BY id LIMIT 51) ORDER BY id;
\echo '== C2 contacts of account 1, deep page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM contacts WHERE id IN (
  SELECT id FROM contacts WHERE account_id = 1 AND id > 199000 ORDER BY id LIMIT 51) ORDER BY id;
\echo '== A1 accounts, deep page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id, a.name, a.company_name, a.status, a.created_at, a.owner_user_id, o.first_name, o.last_name, o.email
FROM accounts a JOIN users o ON o.id = a.owner_user_id WHERE a.id > 99000 ORDER BY a.id LIMIT 51;
\echo '== A2 accounts searched "client 9999" (11 match)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id, a.name, o.email FROM accounts a JOIN users o ON o.id = a.owner_user_id
WHERE a.id > -9223372036854775808 AND (lower(a.name) LIKE 'client 9999%' ESCAPE '\'
  OR lower(a.company_name) LIKE 'client 9999%' ESCAPE '\'
  OR a.owner_user_id = ANY (ARRAY(SELECT id FROM users WHERE email LIKE 'client 9999%' ESCAPE '\')))
ORDER BY a.id LIMIT 51;
\echo '== A3 accounts searched "client" (all 100,000), deep page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id, a.name, o.email FROM accounts a JOIN users o ON o.id = a.owner_user_id
WHERE a.id > 99000 AND (lower(a.name) LIKE 'client%' ESCAPE '\'
  OR lower(a.company_name) LIKE 'client%' ESCAPE '\'
  OR a.owner_user_id = ANY (ARRAY(SELECT id FROM users WHERE email LIKE 'client%' ESCAPE '\')))
ORDER BY a.id LIMIT 51;
\echo '== A4 accounts searched by owner email "user99990" (owner of account 9,999 and 10 more users)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id, a.name, o.email FROM accounts a JOIN users o ON o.id = a.owner_user_id
WHERE a.id > -9223372036854775808 AND (lower(a.name) LIKE 'user99990%' ESCAPE '\'
  OR lower(a.company_name) LIKE 'user99990%' ESCAPE '\'
  OR a.owner_user_id = ANY (ARRAY(SELECT id FROM users WHERE email LIKE 'user99990%' ESCAPE '\')))
ORDER BY a.id LIMIT 51;
\echo '== S1 users, deep page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, email FROM users WHERE id > 999000 ORDER BY id LIMIT 51;
\echo '== S2 users searched "user12345" (11 match)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, email FROM users WHERE id > -9223372036854775808 AND (email LIKE 'user12345%' ESCAPE '\'
  OR lower(first_name) LIKE 'user12345%' ESCAPE '\' OR lower(last_name) LIKE 'user12345%' ESCAPE '\')
ORDER BY id LIMIT 51;
\echo '== S3 users searched "ann" (100,000 match), deep page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, email FROM users WHERE id > 990000 AND (email LIKE 'ann%' ESCAPE '\'
  OR lower(first_name) LIKE 'ann%' ESCAPE '\' OR lower(last_name) LIKE 'ann%' ESCAPE '\')
ORDER BY id LIMIT 51;
\echo '== T1 audit, everything, first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM audit_events ORDER BY occurred_at DESC, id DESC LIMIT 51;
\echo '== T2 audit, everything, a page near the end (3,000,000 rows)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM audit_events WHERE occurred_at <= now() - interval '340 days'
  AND (occurred_at < now() - interval '340 days' OR id < 100000)
ORDER BY occurred_at DESC, id DESC LIMIT 51;
\echo '== T3 audit of account 1 (300,000 rows), a page near the end'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM audit_events WHERE account_id = 1 AND occurred_at <= now() - interval '340 days'
  AND (occurred_at < now() - interval '340 days' OR id < 100000)
ORDER BY occurred_at DESC, id DESC LIMIT 51;
\echo '== T4 audit of a deleted account (30,000 rows, all 340 days old), first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM audit_events WHERE account_id = 100001 ORDER BY occurred_at DESC, id DESC LIMIT 51;
\echo '== T5 audit of account 1 and one action, a month half a year back'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM audit_events WHERE account_id = 1 AND action = 'invitation.sent'
  AND occurred_at >= now() - interval '200 days' AND occurred_at < now() - interval '170 days'
ORDER BY occurred_at DESC, id DESC LIMIT 51;
\echo '== T6 audit of one actor (staff 1: 120,000 rows), a page near the end'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM audit_events WHERE actor_type = 'STAFF' AND actor_id = 1
  AND occurred_at <= now() - interval '340 days' AND (occurred_at < now() - interval '340 days' OR id < 100000)
ORDER BY occurred_at DESC, id DESC LIMIT 51;
\echo '== T7 audit of one action (300,000 rows), a week 100 days back'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM audit_events WHERE action = 'invitation.sent'
  AND occurred_at >= now() - interval '100 days' AND occurred_at < now() - interval '93 days'
ORDER BY occurred_at DESC, id DESC LIMIT 51;
