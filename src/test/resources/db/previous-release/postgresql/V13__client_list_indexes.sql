-- The clients list: search by company name prefix (LIKE 'abc%' under any collation), order by creation.
CREATE INDEX accounts_company_name_prefix_ix ON accounts (lower(company_name) varchar_pattern_ops);
CREATE INDEX accounts_created_ix ON accounts (created_at);
