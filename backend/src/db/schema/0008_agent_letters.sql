-- Activation letters printed by agents in batches: what a batch needs to lay the letter out
-- again (encrypted, wiped at printing like the PDF), and when the printed letter was posted.
ALTER TABLE activation_letters ADD COLUMN fields_cipher BLOB;
ALTER TABLE activation_letters ADD COLUMN sent_at TEXT;
