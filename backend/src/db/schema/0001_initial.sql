-- Portail schema, version 1: the whole product's data model.
--
-- Conventions (kept portable to PostgreSQL): integer surrogate keys, money in integer cents
-- (`*_cents`), rates in basis points (`*_bp`, 7000 = 70 %), dates as ISO-8601 text
-- (`YYYY-MM-DD`), instants as ISO-8601 UTC text (`YYYY-MM-DDTHH:MM:SSZ`), booleans as 0/1.
-- Sensitive values (NIR, IBAN, health data, message bodies) are stored encrypted (`*_cipher`,
-- AES-256-GCM bound to table/column/row) with HMAC blind indexes (`*_index`) for lookups.

-- Deployment facts: mode marker (demo/production), fund name and code.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The fund's roll: every person it covers, insured adult or dependant.
CREATE TABLE members (
    id             INTEGER PRIMARY KEY,
    nir_cipher     BLOB,                 -- NULL for a newborn not yet registered
    nir_index      BLOB UNIQUE,
    family_name    TEXT NOT NULL,
    given_names    TEXT NOT NULL,
    birth_date     TEXT NOT NULL,
    sex            TEXT NOT NULL CHECK (sex IN ('F', 'M')),
    address_line1  TEXT NOT NULL DEFAULT '',
    address_line2  TEXT NOT NULL DEFAULT '',
    postal_code    TEXT NOT NULL DEFAULT '',
    city           TEXT NOT NULL DEFAULT '',
    country        TEXT NOT NULL DEFAULT 'FR',
    caisse_code    TEXT NOT NULL,
    rights_start   TEXT NOT NULL,
    rights_end     TEXT,                 -- NULL: open-ended
    css_until      TEXT,                 -- Complémentaire santé solidaire rights end
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

-- Ayants droit: a dependant linked to one or two insured adults, with a rank (02-19).
CREATE TABLE dependants (
    dependant_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    insured_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    rank         INTEGER NOT NULL CHECK (rank BETWEEN 2 AND 19),
    since        TEXT NOT NULL,
    until        TEXT,
    PRIMARY KEY (dependant_id, insured_id),
    CHECK (dependant_id <> insured_id)
);
CREATE INDEX dependants_by_insured ON dependants(insured_id);

-- Exonerations (ALD): health data, label encrypted.
CREATE TABLE ald_periods (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    label_cipher BLOB NOT NULL,
    starts_on    TEXT NOT NULL,
    ends_on      TEXT
);
CREATE INDEX ald_by_member ON ald_periods(member_id);

-- Directory of health professionals (demo set or the RPPS extract).
CREATE TABLE professionals (
    id            INTEGER PRIMARY KEY,
    rpps          TEXT NOT NULL UNIQUE,
    family_name   TEXT NOT NULL,
    given_name    TEXT NOT NULL,
    specialty     TEXT NOT NULL,
    sector        INTEGER NOT NULL DEFAULT 1 CHECK (sector IN (1, 2, 3)),
    address_line  TEXT NOT NULL DEFAULT '',
    postal_code   TEXT NOT NULL DEFAULT '',
    city          TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX professionals_by_name ON professionals(family_name, city);

-- Médecin traitant declarations, current one has ends_on NULL.
CREATE TABLE treating_doctors (
    id              INTEGER PRIMARY KEY,
    member_id       INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    professional_id INTEGER NOT NULL REFERENCES professionals(id),
    since           TEXT NOT NULL,
    ends_on         TEXT
);
CREATE INDEX treating_doctors_by_member ON treating_doctors(member_id);

-- Login credentials of an insured adult. External identities and passkeys attach to it.
CREATE TABLE accounts (
    id                  INTEGER PRIMARY KEY,
    member_id           INTEGER NOT NULL UNIQUE REFERENCES members(id) ON DELETE CASCADE,
    email               TEXT NOT NULL,
    email_verified_at   TEXT,
    password_hash       TEXT,           -- NULL until the member chooses a password
    status              TEXT NOT NULL CHECK (status IN ('pending', 'active', 'closed')),
    second_factor       TEXT NOT NULL DEFAULT 'email' CHECK (second_factor IN ('email', 'totp')),
    totp_secret_cipher  BLOB,
    totp_last_step      INTEGER,
    payment_emails      INTEGER NOT NULL DEFAULT 1,
    language            TEXT NOT NULL DEFAULT 'fr',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

CREATE TABLE external_identities (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    provider   TEXT NOT NULL,
    subject    TEXT NOT NULL,
    linked_at  TEXT NOT NULL,
    UNIQUE (provider, subject)
);

CREATE TABLE passkeys (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    credential_id BLOB NOT NULL UNIQUE,
    passkey_json  TEXT NOT NULL,
    label         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    last_used_at  TEXT
);

CREATE TABLE recovery_codes (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    code_hash  BLOB NOT NULL,
    used_at    TEXT
);

-- Single-use codes and tokens (login second factor, e-mail confirmation, password reset),
-- stored hashed; attempts counted.
CREATE TABLE one_time_codes (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('login', 'email_confirmation', 'password_reset')),
    code_hash   BLOB NOT NULL,
    expires_at  TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    consumed_at TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX one_time_codes_by_account ON one_time_codes(account_id, purpose);

-- Activation codes mailed on paper; also the letters outbox (printed_at = sent).
CREATE TABLE activation_letters (
    id             INTEGER PRIMARY KEY,
    member_id      INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    code_hash      BLOB NOT NULL,
    expires_at     TEXT NOT NULL,
    attempts       INTEGER NOT NULL DEFAULT 0,
    pdf            BLOB,
    created_at     TEXT NOT NULL,
    printed_at     TEXT,
    consumed_at    TEXT,
    invalidated_at TEXT
);
CREATE INDEX activation_letters_by_member ON activation_letters(member_id);

-- The fund's agents (back-office), with a mandatory second factor.
CREATE TABLE agents (
    id                 INTEGER PRIMARY KEY,
    email              TEXT NOT NULL UNIQUE,
    display_name       TEXT NOT NULL,
    role               TEXT NOT NULL CHECK (role IN ('agent', 'supervisor')),
    password_hash      TEXT,
    totp_secret_cipher BLOB,
    totp_last_step     INTEGER,
    enrolment_hash     BLOB,
    enrolment_expires  TEXT,
    failed_logins      INTEGER NOT NULL DEFAULT 0,
    locked_until       TEXT,
    disabled_at        TEXT,
    created_at         TEXT NOT NULL
);

-- Server-side sessions for members and agents; the token is stored hashed.
CREATE TABLE sessions (
    token_hash    BLOB PRIMARY KEY,
    account_id    INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
    agent_id      INTEGER REFERENCES agents(id) ON DELETE CASCADE,
    stage         TEXT NOT NULL CHECK (stage IN ('second_factor', 'full')),
    created_at    TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    stepped_up_at TEXT,
    user_agent    TEXT NOT NULL DEFAULT '',
    CHECK ((account_id IS NULL) <> (agent_id IS NULL))
);
CREATE INDEX sessions_by_account ON sessions(account_id);

-- Failed logins, keyed by the NIR's blind index whether or not an account exists, so a
-- throttled answer never reveals that an account exists; and per client IP. Persisted so a
-- restart does not reset it.
CREATE TABLE login_throttle (
    key           TEXT PRIMARY KEY,      -- 'nir:<hex index>' or 'ip:<address>'
    failures      INTEGER NOT NULL,
    window_start  TEXT NOT NULL,
    blocked_until TEXT
);

-- Append-only, hash-chained audit trail: who did what to whose data, when and why.
CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_kind  TEXT NOT NULL CHECK (actor_kind IN ('member', 'agent', 'system', 'operator')),
    actor_id    INTEGER,
    action      TEXT NOT NULL,
    member_id   INTEGER REFERENCES members(id) ON DELETE SET NULL,
    reason      TEXT NOT NULL DEFAULT '',
    details     TEXT NOT NULL DEFAULT '',
    prev_hash   BLOB NOT NULL,
    hash        BLOB NOT NULL
);
CREATE INDEX audit_by_member ON audit_events(member_id, at);

-- Reimbursement lines, grouped by payment.
CREATE TABLE reimbursements (
    id                   INTEGER PRIMARY KEY,
    insured_id           INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    beneficiary_id       INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    external_ref         TEXT NOT NULL UNIQUE,
    care_date            TEXT NOT NULL,
    professional_name    TEXT NOT NULL,
    specialty            TEXT NOT NULL,
    sector               INTEGER,
    nature               TEXT NOT NULL,
    amount_paid_cents    INTEGER NOT NULL CHECK (amount_paid_cents >= 0),
    base_cents           INTEGER NOT NULL CHECK (base_cents >= 0),
    rate_bp              INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
    participation_cents  INTEGER NOT NULL DEFAULT 0,
    franchise_cents      INTEGER NOT NULL DEFAULT 0,
    reimbursed_cents     INTEGER NOT NULL CHECK (reimbursed_cents >= 0),
    complementary_cents  INTEGER,
    in_care_pathway      INTEGER NOT NULL DEFAULT 1,
    third_party_payment  INTEGER NOT NULL DEFAULT 0,
    status               TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'rejected')),
    reject_reason        TEXT,
    payment_date         TEXT,
    payment_ref          TEXT,
    statement_ref        TEXT,
    created_at           TEXT NOT NULL
);
CREATE INDEX reimbursements_by_insured ON reimbursements(insured_id, payment_date);
CREATE INDEX reimbursements_by_beneficiary ON reimbursements(beneficiary_id, care_date);

-- Requests (démarches) with their timeline and attachments.
CREATE TABLE requests (
    id                INTEGER PRIMARY KEY,
    member_id         INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    beneficiary_id    INTEGER REFERENCES members(id) ON DELETE CASCADE,
    kind              TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('submitted', 'in_progress', 'waiting_member', 'completed', 'refused')),
    data_cipher       BLOB NOT NULL,
    expected_by       TEXT,
    decision          TEXT,
    assigned_agent_id INTEGER REFERENCES agents(id) ON DELETE SET NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX requests_by_member ON requests(member_id, created_at);
CREATE INDEX requests_queue ON requests(status, kind, created_at);

CREATE TABLE request_events (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    status      TEXT NOT NULL,
    message     TEXT NOT NULL DEFAULT '',
    author_kind TEXT NOT NULL CHECK (author_kind IN ('member', 'agent', 'system')),
    author_id   INTEGER,
    internal    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX request_events_by_request ON request_events(request_id, at);

-- Secure messaging.
CREATE TABLE message_threads (
    id                INTEGER PRIMARY KEY,
    member_id         INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    topic             TEXT NOT NULL,
    subject           TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    assigned_agent_id INTEGER REFERENCES agents(id) ON DELETE SET NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX message_threads_by_member ON message_threads(member_id, updated_at);

CREATE TABLE messages (
    id          INTEGER PRIMARY KEY,
    thread_id   INTEGER NOT NULL REFERENCES message_threads(id) ON DELETE CASCADE,
    author_kind TEXT NOT NULL CHECK (author_kind IN ('member', 'agent')),
    author_id   INTEGER NOT NULL,
    body_cipher BLOB NOT NULL,
    internal    INTEGER NOT NULL DEFAULT 0,
    draft       INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    read_at     TEXT
);
CREATE INDEX messages_by_thread ON messages(thread_id, created_at);

-- Files attached to requests or messages, stored outside the web root (storage_key names the
-- file in the data folder), encrypted.
CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    request_id  INTEGER REFERENCES requests(id) ON DELETE CASCADE,
    message_id  INTEGER REFERENCES messages(id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    media_type  TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes  INTEGER NOT NULL,
    sha256      BLOB NOT NULL,
    storage_key TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

-- Issued documents (attestations, certificates): what was certified, for verification.
CREATE TABLE documents (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    issued_at  TEXT NOT NULL,
    statement  TEXT NOT NULL,
    key_id     TEXT NOT NULL
);

-- Signing keys of attestations; old ones stay to verify old documents.
CREATE TABLE signing_keys (
    key_id         TEXT PRIMARY KEY,
    public_key     BLOB NOT NULL,
    private_cipher BLOB NOT NULL,
    created_at     TEXT NOT NULL,
    retired_at     TEXT
);

-- European health insurance cards.
CREATE TABLE ceam_cards (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    card_number TEXT NOT NULL,
    valid_from  TEXT NOT NULL,
    valid_until TEXT NOT NULL
);

-- Bank details for payments; the current one has valid_until NULL.
CREATE TABLE bank_accounts (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    iban_cipher BLOB NOT NULL,
    iban_last   TEXT NOT NULL,
    bic         TEXT NOT NULL DEFAULT '',
    holder      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('active', 'pending', 'replaced')),
    valid_from  TEXT NOT NULL,
    valid_until TEXT
);
CREATE INDEX bank_accounts_by_member ON bank_accounts(member_id);

-- Outgoing e-mail, sent by a worker over SMTP; in demo mode readable in the browser.
CREATE TABLE outbox_emails (
    id         INTEGER PRIMARY KEY,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body_text  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at    TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);

-- Prevention: screenings the member says were done elsewhere.
CREATE TABLE prevention_done (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    programme TEXT NOT NULL,
    done_on   TEXT NOT NULL
);

-- Pregnancy follow-up and chronic-disease coaching enrolments (health data).
CREATE TABLE pregnancies (
    id                 INTEGER PRIMARY KEY,
    member_id          INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    expected_delivery  TEXT NOT NULL,
    declared_on        TEXT NOT NULL,
    ended_on           TEXT
);

CREATE TABLE coaching_enrolments (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    programme   TEXT NOT NULL,
    enrolled_on TEXT NOT NULL,
    left_on     TEXT
);

-- Shared medical record: documents, professionals' access grants and every access.
CREATE TABLE record_documents (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    title_cipher BLOB NOT NULL,
    body_cipher  BLOB NOT NULL,
    hidden       INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL
);

CREATE TABLE record_grants (
    id              INTEGER PRIMARY KEY,
    member_id       INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    professional_id INTEGER NOT NULL REFERENCES professionals(id),
    granted_at      TEXT NOT NULL,
    expires_at      TEXT,
    revoked_at      TEXT
);

CREATE TABLE record_accesses (
    id              INTEGER PRIMARY KEY,
    member_id       INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    professional_id INTEGER NOT NULL REFERENCES professionals(id),
    at              TEXT NOT NULL,
    emergency       INTEGER NOT NULL DEFAULT 0,
    reason          TEXT NOT NULL DEFAULT ''
);
