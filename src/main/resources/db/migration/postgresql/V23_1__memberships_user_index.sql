-- memberships_user_account_ix (V23) serves every query the index on user_id alone did, the foreign key's
-- included: one index less to write on every new membership.
DROP INDEX memberships_user_ix;
