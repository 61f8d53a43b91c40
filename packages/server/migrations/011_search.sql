-- One search in the header (issue 11): trigram indexes on the text each kind is matched on, so
-- `GET /search` narrows through an index for every word of three letters or more instead of reading
-- whole tables. The expressions must stay exactly as modules/search/repository.ts writes them.
-- (Person names already have persons_search_name_trgm; this one adds the address to the name.)
CREATE INDEX persons_search_all_trgm ON persons USING gin (
  (search_name || ' ' || lower(coalesce(street, '') || ' ' || coalesce(house_number, '') || ' '
    || coalesce(postal_code, '') || ' ' || coalesce(city, ''))) gin_trgm_ops);

CREATE INDEX cases_search_trgm ON cases USING gin (lower(reference || ' ' || title) gin_trgm_ops);

CREATE INDEX signals_search_trgm ON signals USING gin (
  lower(description || ' ' || coalesce(street, '') || ' ' || coalesce(house_number, '') || ' '
    || coalesce(postal_code, '') || ' ' || coalesce(city, '')) gin_trgm_ops);

CREATE INDEX meetings_search_trgm ON meetings USING gin (lower(title) gin_trgm_ops);

CREATE INDEX locations_search_trgm ON locations USING gin (
  lower(name || ' ' || coalesce(street, '') || ' ' || coalesce(house_number, '') || ' '
    || coalesce(postal_code, '') || ' ' || coalesce(city, '')) gin_trgm_ops);
