-- A contact's confirmation link expires like every other emailed link. Links sent before this column
-- existed have none and keep working until used or replaced.
ALTER TABLE contacts ADD COLUMN confirmation_expires_at TIMESTAMP WITH TIME ZONE;
