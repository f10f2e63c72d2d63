-- How much an account uploaded lately (the upload limits ask at every upload).
CREATE INDEX versions_account ON versions (account_id, uploaded_at);
