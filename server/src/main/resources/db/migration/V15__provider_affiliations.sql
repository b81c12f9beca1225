-- Affiliations between providers and organisations, inferred from the registry (module provider): individuals and
-- organisations practising at the same normalised address, an organisation's authorised official, and organisation
-- names shared through other-name records. The keys are IMMUTABLE SQL functions so that each join has an expression
-- index; a full NPPES load builds the same indexes on its _next tables (RegistryPublisher.INDEXES).

-- A practice address as a join key: upper case, punctuation and unit designators (suite, floor, room...) with their
-- number removed, common street suffixes and directions in one spelling, then '|' and the ZIP5. NULL without either.
CREATE FUNCTION medsales_address_key(line1 text, zip5 text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT nullif(btrim(regexp_replace(
         replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
         replace(replace(replace(replace(replace(
           ' ' || regexp_replace(
                    regexp_replace(regexp_replace(upper(line1), '#\s*[A-Z0-9]*', ' ', 'g'), '[^A-Z0-9 ]+', ' ', 'g'),
                    '\m(SUITE|STE|UNIT|APT|APARTMENT|ROOM|RM|FLOOR|FLR|FL|BLDG|BUILDING|DEPT|OFFICE|OFC)\M\s*[A-Z0-9]*', ' ', 'g')
               || ' ',
           ' STREET ', ' ST '), ' AVENUE ', ' AVE '), ' ROAD ', ' RD '), ' DRIVE ', ' DR '), ' BOULEVARD ', ' BLVD '),
           ' LANE ', ' LN '), ' PLACE ', ' PL '), ' COURT ', ' CT '), ' PARKWAY ', ' PKWY '), ' HIGHWAY ', ' HWY '),
           ' CIRCLE ', ' CIR '), ' TERRACE ', ' TER '), ' SQUARE ', ' SQ '), ' NORTH ', ' N '), ' SOUTH ', ' S '),
           ' EAST ', ' E '), ' WEST ', ' W '), ' CENTER ', ' CTR '),
         '\s+', ' ', 'g')), '') || '|' || zip5
$$;

-- An organisation's name as a join key: upper case, punctuation and corporate designators (INC, LLC, PC...) removed.
CREATE FUNCTION medsales_org_name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT nullif(btrim(regexp_replace(
         regexp_replace(regexp_replace(upper(name), '[^A-Z0-9 ]+', ' ', 'g'),
                        '\m(INC|INCORPORATED|LLC|LLP|LP|LTD|PC|PA|PLLC|PSC|CORP|CORPORATION|CO|COMPANY)\M', ' ', 'g'),
         '\s+', ' ', 'g')), '')
$$;

CREATE INDEX provider_address_key ON provider_address (medsales_address_key(line1, zip5)) WHERE kind <> 'MAILING';
CREATE INDEX provider_official_name ON provider (upper(official_last_name), upper(official_first_name)) WHERE entity_type = 2;
CREATE INDEX provider_person_name ON provider (upper(last_name), upper(first_name)) WHERE entity_type = 1;
CREATE INDEX provider_org_name_key ON provider (medsales_org_name_key(organization_name)) WHERE entity_type = 2;
CREATE INDEX provider_other_name_key ON provider_other_name (medsales_org_name_key(name));
