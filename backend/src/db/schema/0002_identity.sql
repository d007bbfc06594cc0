-- Identity, second part: letters shown in the demo outbox, devices and security alerts.

-- The letter's words, for the demo outbox only (NULL in production); encrypted like the PDF.
ALTER TABLE activation_letters ADD COLUMN text_cipher BLOB;

-- A public handle for each session, so "my devices" can name one without its token, and the
-- kind of network it came from (never the full address).
ALTER TABLE sessions ADD COLUMN public_id TEXT;
ALTER TABLE sessions ADD COLUMN ip_class TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX sessions_by_public_id ON sessions(public_id);

-- Browsers an account has completed a login from (a random id kept in a long-lived cookie,
-- stored hashed): a login from any other sends a "new device" notice.
CREATE TABLE known_devices (
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    device_hash BLOB NOT NULL,
    label       TEXT NOT NULL,
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    PRIMARY KEY (account_id, device_hash)
);

-- "This was not me" links sent in security notices: single use, stored hashed.
CREATE TABLE security_alerts (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('new_device', 'password_changed', 'factor_changed', 'locked', 'email_changed')),
    token_hash  BLOB NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);

-- A TOTP secret being enrolled, not yet confirmed by a first code.
ALTER TABLE accounts ADD COLUMN totp_pending_cipher BLOB;

-- A new e-mail address waiting for the code sent to it.
ALTER TABLE accounts ADD COLUMN email_pending TEXT;

-- A mobile number for security alerts by SMS, confirmed by a code sent to it.
ALTER TABLE accounts ADD COLUMN mobile TEXT;
ALTER TABLE accounts ADD COLUMN sms_notices INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN mobile_pending TEXT;
ALTER TABLE accounts ADD COLUMN mobile_code_hash BLOB;
ALTER TABLE accounts ADD COLUMN mobile_code_expires TEXT;
ALTER TABLE accounts ADD COLUMN mobile_code_attempts INTEGER NOT NULL DEFAULT 0;

-- Text messages waiting for (or handed to) the SMS provider.
CREATE TABLE outbox_sms (
    id         INTEGER PRIMARY KEY,
    recipient  TEXT NOT NULL,
    body_text  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at    TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
