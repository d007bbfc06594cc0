-- Portail schema, version 6: European health insurance cards (CEAM).
--
-- A member's page lists the latest card of each person of the household, and an order is
-- refused while another for the same person is being processed: both are looked up by person.
-- A card number is issued once.

CREATE UNIQUE INDEX ceam_cards_by_number ON ceam_cards(card_number);
CREATE INDEX ceam_cards_by_member ON ceam_cards(member_id, valid_until);
CREATE INDEX requests_by_beneficiary ON requests(beneficiary_id, kind, status);
