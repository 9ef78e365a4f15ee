-- Seeds a Roster PostgreSQL database (already migrated by starting Roster once against it) with a large,
-- realistic-shaped data set for EXPLAIN ANALYZE and load tests. See bench/README.md.
-- 1,000,000 users; 100,000 accounts; about 1,000,000 memberships (one account with 5,000 extra users,
-- one user in 30 extra accounts); 200,000 contacts; 3,000,000 audit rows over a year; 500,000 outbox rows.
SET synchronous_commit = off;

INSERT INTO users (email, password_hash, first_name, last_name, language, email_verified, totp_secret,
                   last_login_at, last_login_ip, created_at)
SELECT 'user' || g || '@example' || (g % 1000) || '.com',
       '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$0000000000000000000000000000000000000000000',
       (ARRAY['Ann','Ben','Cora','Dan','Eve','Finn','Gus','Hana','Ivo','Jo'])[1 + g % 10] || g,
       (ARRAY['Lee','Martin','Novak','Olsen','Petit','Quinn','Rossi','Smith','Tanaka','Ueda'])[1 + (g / 10) % 10],
       (ARRAY['en','fr','de'])[1 + g % 3], g % 4 <> 0, CASE WHEN g % 20 = 0 THEN 'x' END,
       now() - (g % 365) * interval '1 day', '203.0.113.' || (g % 250), now() - interval '2 years'
FROM generate_series(1, 1000000) g;

INSERT INTO accounts (name, company_name, city, country, owner_user_id, status, created_at)
SELECT 'Client ' || g, 'Company ' || g || ' Ltd', 'City ' || (g % 500), 'GB', g * 10,
       CASE WHEN g % 50 = 0 THEN 'CLOSED' ELSE 'ACTIVE' END, now() - (g % 700) * interval '1 day'
FROM generate_series(1, 100000) g;

-- every owner, then nine more users per account
INSERT INTO memberships (account_id, user_id, permissions, created_at)
SELECT a.id, a.owner_user_id, '', now() FROM accounts a;
INSERT INTO memberships (account_id, user_id, permissions, created_at)
SELECT a.id, a.owner_user_id - k, 'invoices,tickets', now()
FROM accounts a CROSS JOIN generate_series(1, 9) k;
-- one big account, one busy user
INSERT INTO memberships (account_id, user_id, permissions, created_at)
SELECT (SELECT min(id) FROM accounts), u, 'invoices', now() FROM generate_series(900001, 905000) u
ON CONFLICT DO NOTHING;
INSERT INTO memberships (account_id, user_id, permissions, created_at)
SELECT a, 999999, 'invoices', now() FROM generate_series(2000, 2029) a
ON CONFLICT DO NOTHING;

INSERT INTO contacts (account_id, first_name, last_name, email, subscriptions, email_confirmed, created_at)
SELECT 1 + g % 100000, 'Contact' || g, 'Person', 'contact' || g || '@example.net', 'general,invoice',
       g % 3 <> 0, now()
FROM generate_series(1, 200000) g;

INSERT INTO audit_events (occurred_at, action, actor_type, actor_id, actor_label, ip, account_id, user_id, details)
SELECT now() - (g % 525600) * interval '1 minute',
       (ARRAY['user.login','user.login','user.login','membership.permissions_changed','invitation.sent',
              'invitation.accepted','contact.added','account.profile_updated','user.login_failed',
              'user.password_changed'])[1 + g % 10],
       CASE WHEN g % 25 = 0 THEN 'STAFF' ELSE 'USER' END,
       CASE WHEN g % 25 = 0 THEN 1 ELSE 1 + g % 1000000 END,
       CASE WHEN g % 25 = 0 THEN 'admin@example.com' ELSE 'user' || (1 + g % 1000000) || '@example.com' END,
       '198.51.100.' || (g % 250), 1 + g % 100000, 1 + g % 1000000, 'ip=198.51.100.' || (g % 250)
FROM generate_series(1, 3000000) g;

INSERT INTO outbox (recipient, subject, text_body, html_body, state, attempts, next_attempt_at, last_error,
                    created_at, sent_at, redacted_at)
SELECT 'user' || g || '@example' || (g % 1000) || '.com', 'Subject ' || g,
       CASE WHEN g % 10 = 0 THEN 'body' END, CASE WHEN g % 10 = 0 THEN '<p>body</p>' END,
       CASE WHEN g % 100 = 0 THEN 'FAILED' WHEN g % 500 = 1 THEN 'QUEUED' ELSE 'SENT' END,
       CASE WHEN g % 100 = 0 THEN 10 ELSE 1 END, now(),
       CASE WHEN g % 100 = 0 THEN '550 mailbox unavailable' END,
       now() - (g % 43200) * interval '1 minute',
       CASE WHEN g % 100 <> 0 AND g % 500 <> 1 THEN now() - (g % 43200) * interval '1 minute' END,
       CASE WHEN g % 10 <> 0 THEN now() END
FROM generate_series(1, 500000) g;

ANALYZE;
