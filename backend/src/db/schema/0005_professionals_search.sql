-- Portail schema, version 5: searching the directory of professionals.
--
-- The directory can hold the whole RPPS extract (hundreds of thousands of rows): a member
-- searches by the start of a family name or of a town, typed without accents or capitals.
-- Both keys are folded (lower case, accents removed) by the portal when it writes the row.

-- The RPPS extract does not say a doctor's conventionnement sector: `sector_known` is 0 then,
-- and members are not told a sector the fund does not know.
ALTER TABLE professionals ADD COLUMN sector_known INTEGER NOT NULL DEFAULT 1;
ALTER TABLE professionals ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE professionals ADD COLUMN city_key TEXT NOT NULL DEFAULT '';
CREATE INDEX professionals_by_name_key ON professionals(name_key, city_key);
CREATE INDEX professionals_by_city_key ON professionals(city_key, name_key);
DROP INDEX professionals_by_name;
