-- Seeds a migrated Roster PostgreSQL database for the keyset lists of the API (see bench/README.md):
-- 1,000,000 users; 100,000 accounts with their owners and nine more users each, and account 1 with 100,000
-- members; 210,000 invitations (60,000 in account 1, in every status, some pending past expiry); 200,000
-- contacts (100,000 in account 1); 3,000,000 audit rows over a year (300,000 of account 1) and 30,000 of a deleted
-- account. About 5 minutes on 2 busy cores.
SET synchronous_commit = off;

INSERT INTO users (email, password_hash, first_name, last_name, language, email_verified, created_at)
SELECT 'user' || g || '@example' || (g % 1000) || '.com', 'x',
       (ARRAY['Ann','Ben','Cora','Dan','Eve','Finn','Gus','Hana','Ivo','Jo'])[1 + g % 10] || g,
       (ARRAY['Lee','Martin','Novak','Olsen','Petit','Quinn','Rossi','Smith','Tanaka','Ueda'])[1 + (g / 10) % 10],
       (ARRAY['en','fr','de'])[1 + g % 3], g % 4 <> 0, now() - interval '2 years'
FROM generate_series(1, 1000000) g;

INSERT INTO accounts (name, company_name, city, country, owner_user_id, status, created_at)
SELECT 'Client ' || g, 'Company ' || g || ' Ltd', 'City ' || (g % 500), 'GB', g * 10,
       CASE WHEN g % 50 = 0 THEN 'CLOSED' ELSE 'ACTIVE' END, now() - (g % 700) * interval '1 day'
FROM generate_series(1, 100000) g;

INSERT INTO memberships (account_id, user_id, permissions, created_at)
SELECT a.id, a.owner_user_id, '', now() FROM accounts a;
INSERT INTO memberships (account_id, user_id, permissions, created_at)
SELECT a.id, a.owner_user_id - k, 'invoices,tickets', now()
FROM accounts a CROSS JOIN generate_series(1, 9) k;
-- account 1 gets 100,000 members, spread over the whole id range
INSERT INTO memberships (account_id, user_id, permissions, created_at)
SELECT 1, u, 'invoices', now() FROM generate_series(3, 1000000, 10) u
ON CONFLICT DO NOTHING;

INSERT INTO invitations (account_id, email, permissions, language, invited_by_user_id, token_hash, status,
                         sent_at, expires_at, created_at)
SELECT CASE WHEN g <= 60000 THEN 1 ELSE 2 + g % 99999 END, 'invitee' || g || '@example.org', 'invoices', 'en',
       10, md5(g::text) || md5('x' || g),
       CASE WHEN g % 10 < 6 THEN 'ACCEPTED' WHEN g % 10 < 8 THEN 'EXPIRED' WHEN g % 10 = 8 THEN 'CANCELLED'
            ELSE 'PENDING' END,
       now() - (210000 - g) * interval '1 minute',
       CASE WHEN g % 20 = 9 THEN now() - interval '1 hour' ELSE now() + interval '7 days' END,
       now() - (210000 - g) * interval '1 minute'
FROM generate_series(1, 210000) g;

INSERT INTO contacts (account_id, first_name, last_name, email, subscriptions, email_confirmed, created_at)
SELECT CASE WHEN g % 2 = 0 THEN 1 ELSE 1 + g % 100000 END, 'Contact' || g, 'Person',
       'contact' || g || '@example.net', 'general,invoice', g % 3 <> 0, now()
FROM generate_series(1, 200000) g;

INSERT INTO audit_events (occurred_at, action, actor_type, actor_id, actor_label, ip, account_id, user_id, details)
SELECT now() - (3000000 - g) * interval '10 seconds',
       (ARRAY['user.login','user.login','user.login','membership.permissions_changed','invitation.sent',
              'invitation.accepted','contact.added','account.profile_updated','user.login_failed',
              'user.password_changed'])[1 + (g / 10) % 10],
       CASE WHEN g % 25 = 0 THEN 'STAFF' ELSE 'USER' END,
       CASE WHEN g % 25 = 0 THEN 1 ELSE 1 + g % 1000000 END,
       CASE WHEN g % 25 = 0 THEN 'admin@example.com' ELSE 'user' || (1 + g % 1000000) || '@example.com' END,
       '198.51.100.' || (g % 250), CASE WHEN g % 10 = 0 THEN 1 ELSE 2 + g % 99999 END, 1 + g % 1000000,
       'ip=198.51.100.' || (g % 250)
FROM generate_series(1, 3000000) g;
-- a deleted account's trail (audit rows outlive their account): 30,000 entries, all older than 340 days
INSERT INTO audit_events (occurred_at, action, actor_type, actor_id, actor_label, account_id, user_id)
SELECT now() - interval '340 days' - g * interval '1 second', 'user.login', 'USER', 5, 'x', 100001, 5
FROM generate_series(1, 30000) g;

ANALYZE;
