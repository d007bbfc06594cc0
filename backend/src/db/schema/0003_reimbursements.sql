-- Reimbursements, as the fund's feed and the demo write them. What would tell a reader about
-- someone's health (the act, the professional, the specialty, a rejection's reason, an ALD or
-- pregnancy exemption) is one encrypted JSON value per line (`detail_cipher`, associated data
-- `reimbursements.detail:<external_ref>`); amounts, dates and status stay clear so that sums,
-- periods and indexes work without decrypting. Version 1's table was never written to.
DROP TABLE reimbursements;

CREATE TABLE reimbursements (
    id                  INTEGER PRIMARY KEY,
    -- Whose payments these are: the insured, also for their dependants' care.
    insured_id          INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    beneficiary_id      INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    -- The fund's own id for the line: importing the same feed twice changes nothing.
    external_ref        TEXT NOT NULL UNIQUE,
    care_date           TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'rejected')),
    payment_date        TEXT,
    payment_ref         TEXT,
    charged_cents       INTEGER NOT NULL CHECK (charged_cents >= 0),
    base_cents          INTEGER NOT NULL CHECK (base_cents >= 0),
    rate_bp             INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
    participation_cents INTEGER NOT NULL CHECK (participation_cents >= 0),
    franchise_cents     INTEGER NOT NULL CHECK (franchise_cents >= 0),
    reimbursed_cents    INTEGER NOT NULL CHECK (reimbursed_cents BETWEEN 0 AND base_cents),
    paid_cents          INTEGER NOT NULL CHECK (paid_cents >= 0),
    recovered_cents     INTEGER NOT NULL CHECK (recovered_cents >= 0),
    deferred_cents      INTEGER NOT NULL CHECK (deferred_cents >= 0),
    complementary_cents INTEGER CHECK (complementary_cents >= 0),
    remaining_cents     INTEGER NOT NULL CHECK (remaining_cents >= 0),
    tiers_payant        INTEGER NOT NULL CHECK (tiers_payant IN (0, 1)),
    in_parcours         INTEGER NOT NULL CHECK (in_parcours IN (0, 1)),
    detail_cipher       BLOB NOT NULL,
    created_at          TEXT NOT NULL,
    CHECK ((status = 'paid') = (payment_date IS NOT NULL))
);
-- "Mes paiements": one insured's lines in a period of care.
CREATE INDEX reimbursements_by_insured ON reimbursements(insured_id, care_date);
-- Yearly counters and prevention: one person's lines.
CREATE INDEX reimbursements_by_beneficiary ON reimbursements(beneficiary_id, care_date);
