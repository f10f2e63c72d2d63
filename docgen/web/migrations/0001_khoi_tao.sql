-- The web page's store: campaigns and their units, accounts, sessions, uploaded versions, the admin log.
-- Times are ISO 8601 with the +07:00 offset (Vietnam has no daylight saving).

CREATE TABLE campaigns (
    id            TEXT PRIMARY KEY,
    source        TEXT NOT NULL,      -- an id under data/chien-dich/ or a folder
    title         TEXT NOT NULL,
    unit_list     TEXT NOT NULL,      -- accounts of units of this list see the campaign
    registered_at TEXT NOT NULL
);

-- Every unit that reports in a campaign, in official order; `reports_to` '' is the province.
CREATE TABLE units (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    level       TEXT NOT NULL,
    level_title TEXT NOT NULL,
    deadline    TEXT NOT NULL,
    reports_to  TEXT NOT NULL,
    ord         INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, code)
);
CREATE INDEX units_reports_to ON units (campaign_id, reports_to);

CREATE TABLE accounts (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    unit_list   TEXT NOT NULL DEFAULT '',
    unit_code   TEXT NOT NULL DEFAULT '',
    unit_name   TEXT NOT NULL DEFAULT '',
    is_admin    INTEGER NOT NULL DEFAULT 0,
    password    TEXT NOT NULL,        -- scrypt$N$r$p$salt$hash
    must_change INTEGER NOT NULL DEFAULT 0,
    disabled    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    last_login  TEXT
);

-- A session's id is the sha256 of the token in the cookie, so a copy of the database opens no session.
CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    csrf       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE login_failures (
    key TEXT NOT NULL,                -- "ten:<name>" or "ip:<address>"
    at  REAL NOT NULL                 -- seconds since the epoch
);
CREATE INDEX login_failures_key ON login_failures (key, at);

-- One row per upload, never changed in what it records and never deleted: a re-upload is a new row.
-- The check result is filled in once, when the file has been checked (state 'cho' → 'xong').
CREATE TABLE versions (
    id          INTEGER PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    unit_code   TEXT NOT NULL,
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    uploaded_at TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    blob        TEXT NOT NULL,        -- path of the bytes, relative to the data folder
    form_token  TEXT UNIQUE,          -- the upload form's one-time token: a form sent twice is stored once
    state       TEXT NOT NULL DEFAULT 'cho' CHECK (state IN ('cho', 'xong')),
    checked_at  TEXT,
    result      TEXT,                 -- JSON of docgen.api.kiem_tra_tep
    usable      INTEGER,
    errors      INTEGER,
    warnings    INTEGER,
    report_date TEXT,
    date_source TEXT,
    file_unit   TEXT,                 -- the reporting unit the file itself names ('' none)
    figures     TEXT                  -- JSON: the file's figures per level (kiem-tra's "figures")
);
CREATE INDEX versions_unit ON versions (campaign_id, unit_code, id);

CREATE TRIGGER versions_never_deleted BEFORE DELETE ON versions
BEGIN SELECT RAISE(ABORT, 'versions are never deleted'); END;

CREATE TRIGGER versions_immutable
BEFORE UPDATE OF campaign_id, unit_code, account_id, uploaded_at, file_name, size, sha256, blob, form_token ON versions
BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;

CREATE TRIGGER versions_checked_once BEFORE UPDATE OF result ON versions WHEN OLD.state = 'xong'
BEGIN SELECT RAISE(ABORT, 'a version is checked once'); END;

-- What admins did: who, when, what.
CREATE TABLE audit (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    account_id   INTEGER,
    account_name TEXT NOT NULL,
    action       TEXT NOT NULL,
    detail       TEXT NOT NULL DEFAULT ''
);
