-- The clients list: search by company name prefix, order by creation. PostgreSQL has its own version of this file.
CREATE INDEX accounts_company_name_ix ON accounts (company_name);
CREATE INDEX accounts_created_ix ON accounts (created_at);
