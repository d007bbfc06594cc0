-- The per-person queries of "Mes paiements" (the oldest date held, the year's deductions) read
-- only this index, never the table: at a million members the table does not stay in memory and
-- each line read from it is a random disk read. The index carries what those queries need.
DROP INDEX reimbursements_by_beneficiary;
CREATE INDEX reimbursements_by_beneficiary ON reimbursements(
    beneficiary_id, insured_id, care_date, status, participation_cents, franchise_cents
);
