import { z } from 'zod';
import { col, execute, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

/**
 * Matching of signals to what the municipality already knows, set-based (one statement for all
 * signals of a call, so an import batch of 500 costs a handful of queries):
 *
 * - persons: named on the signal (`signal_persons`, method `subject`); the same last name and birth
 *   date (`name_birth_date`); or living at the signal's address with a last name that fits and no
 *   other birth date (`address`). Last names are compared without case, accents, spaces and
 *   prefixes ("van der Berg" = "Berg, van der" = "berg"), and nearly (trigram similarity) to survive
 *   a typo; when the signal has initials and the person a first name, the first letters must agree.
 * - households: at the signal's address (`address`), or one a matched person is a member of (`household`).
 * - open cases (status not closed) with a matched person (`subject`), a matched household
 *   (`household`) or a group a matched person is a member of (`subject`) among their subjects.
 *
 * Signals at one address within six months share a follow-up (`bundle_id`, the earliest of them).
 * Only regisseurs see matches; nothing of this goes back to the source of the signal.
 */

/** Similarity (pg_trgm) from which two normalised last names count as the same name with a typo. */
export const NAME_SIMILARITY = 0.35;
/** The same at the same address with the same birth date (a worse typo is still the same person). */
export const NAME_SIMILARITY_AT_ADDRESS = 0.2;
/** How far back a signal at the same address joins a bundle. */
export const BUNDLE_DAYS = 183;

/** Accented letters and their plain form, in groups: "aáàâäãåā" means á, à, … become a. */
const ACCENT_GROUPS = [
  'aáàâäãåā',
  'eéèêëēę',
  'iíìîïīı',
  'oóòôöõøō',
  'uúùûüū',
  'yýÿ',
  'cçč',
  'nñ',
  'sšş',
  'zž',
  'gğ',
];
const ACCENTED = ACCENT_GROUPS.map((g) => g.slice(1)).join('');
const PLAIN = ACCENT_GROUPS.map((g) => g.charAt(0).repeat(g.length - 1)).join('');
const FROM = ACCENTED + ACCENTED.toUpperCase();
const TO = PLAIN + PLAIN.toUpperCase();

/** Lower case without accents (translate first: lower() of a C-collated database leaves É alone). */
const fold = (col: string) => `lower(translate(${col}, '${FROM}', '${TO}'))`;

/** Name prefixes (tussenvoegsels) that are ignored in front of or after (", van der") a last name. */
const PREFIXES = "van|de|der|den|het|ter|ten|te|op|in|'t|d'|la|le|du|da|di|von|vd|v\\.d\\.";

/** The comparable form of a last name: "Van der Berg-De Vries" → "bergdevries", "Berg, van der" → "berg". */
export const normalisedName = (col: string) =>
  `regexp_replace(regexp_replace(regexp_replace(${fold(col)}, ',.*$', ''), '^\\s*((${PREFIXES.replaceAll("'", "''")})\\s+)+', ''), '[^a-z]', '', 'g')`;

/**
 * A sound key of a normalised last name: Dutch spellings that sound alike and doubled letters fold
 * together ("Janssen" = "Jansen", "Meijer" = "Meyer", "Smidt" = "Smit"), so a common
 * misspelling still compares equal; other typos are left to the trigram similarity.
 */
export const nameKey = (col: string) => {
  let sql = normalisedName(col);
  for (const [from, to] of [
    ['ij', 'y'],
    ['ch', 'g'],
    ['ou', 'au'],
    ['dt$|d$', 't'],
    ['ks', 'x'],
    ['(.)\\1+', '\\1'],
  ]) {
    sql = `regexp_replace(${sql}, '${from}', '${to}', 'g')`;
  }
  return sql;
};

/** First letter of a first name or of initials, or NULL. */
const firstLetter = (col: string) => `nullif(left(regexp_replace(${fold(col)}, '[^a-z]', '', 'g'), 1), '')`;

/** A house number as it is compared: upper case, no spaces ("12 a" = "12A"). */
const houseNumber = (col: string) => `upper(replace(${col}, ' ', ''))`;

export const MATCH_SQL = `
WITH sig AS MATERIALIZED (
  SELECT s.id, s.birth_date, s.postal_code, ${houseNumber('s.house_number')} AS house_number,
         ${normalisedName('s.last_name')} AS name, ${nameKey('s.last_name')} AS key, ${firstLetter('s.initials')} AS initial
    -- Statistics of a table that grows during an import lag behind; OFFSET 0 keeps each lookup an
    -- index probe instead of letting a stale estimate pick a scan of all the tenant's signals.
    FROM unnest($2::uuid[]) AS u (id),
         LATERAL (SELECT * FROM signals x WHERE x.tenant_id = $1 AND x.id = u.id OFFSET 0) s
),
-- Persons: index probes per signal (birth date, postal code), never a scan of all persons.
cand AS (
  SELECT sp.signal_id, sp.person_id, 'subject' AS method, 1 AS prio
    FROM sig JOIN signal_persons sp ON sp.tenant_id = $1 AND sp.signal_id = sig.id
  UNION ALL
  SELECT sig.id, p.id, 'name_birth_date', 2
    FROM sig, LATERAL (SELECT * FROM persons x WHERE x.tenant_id = $1 AND x.birth_date = sig.birth_date OFFSET 0) p
   WHERE sig.name <> ''
     AND (sig.initial IS NULL OR ${firstLetter('p.first_name')} IS NULL OR ${firstLetter('p.first_name')} = sig.initial)
     AND (${nameKey('p.last_name')} = sig.key OR similarity(${nameKey('p.last_name')}, sig.key) >= $3)
  UNION ALL
  SELECT sig.id, p.id, 'address', 3
    FROM sig, LATERAL (SELECT * FROM persons x WHERE x.tenant_id = $1 AND x.postal_code = sig.postal_code OFFSET 0) p
   WHERE ${houseNumber('p.house_number')} = sig.house_number
     AND sig.name <> ''
     AND (sig.initial IS NULL OR ${firstLetter('p.first_name')} IS NULL OR ${firstLetter('p.first_name')} = sig.initial)
     AND CASE
           -- Both birth dates known: they must agree; the address allows a worse typo in the name.
           WHEN sig.birth_date IS NOT NULL AND p.birth_date IS NOT NULL THEN p.birth_date = sig.birth_date
             AND (${nameKey('p.last_name')} = sig.key OR similarity(${nameKey('p.last_name')}, sig.key) >= $4)
           -- The signal has none: the name must fit.
           WHEN sig.birth_date IS NULL THEN
             ${nameKey('p.last_name')} = sig.key OR similarity(${nameKey('p.last_name')}, sig.key) >= $3
           -- The person has none: the name must fit and the initials be known and agree (not a relative).
           ELSE sig.initial IS NOT NULL AND ${firstLetter('p.first_name')} = sig.initial
             AND (${nameKey('p.last_name')} = sig.key OR similarity(${nameKey('p.last_name')}, sig.key) >= $3)
         END
),
pm AS MATERIALIZED (
  SELECT DISTINCT ON (signal_id, person_id) signal_id, person_id, method
    FROM cand ORDER BY signal_id, person_id, prio
),
ins_p AS (
  INSERT INTO signal_matches (tenant_id, signal_id, kind, target_id, method)
  SELECT $1, signal_id, 'person', person_id, method FROM pm
  ON CONFLICT DO NOTHING
),
hm AS MATERIALIZED (
  SELECT DISTINCT ON (signal_id, household_id) signal_id, household_id, method
    FROM (
      SELECT sig.id AS signal_id, h.id AS household_id, 'address' AS method, 1 AS prio
        FROM sig JOIN households h ON h.tenant_id = $1
         AND h.postal_code = sig.postal_code
         AND ${houseNumber('h.house_number')} = sig.house_number
      UNION ALL
      SELECT pm.signal_id, r.to_id, 'household', 2
        FROM pm JOIN subject_relations r ON r.tenant_id = $1 AND r.from_kind = 'person'
         AND r.from_id = pm.person_id AND r.relation = 'member_of' AND r.to_kind = 'household'
    ) x
   ORDER BY signal_id, household_id, prio
),
ins_h AS (
  INSERT INTO signal_matches (tenant_id, signal_id, kind, target_id, method)
  SELECT $1, signal_id, 'household', household_id, method FROM hm
  ON CONFLICT DO NOTHING
),
cm AS (
  -- From the (few) matched subjects to their cases through the index, then each case by its key.
  SELECT DISTINCT ON (x.signal_id, x.case_id) x.signal_id, x.case_id, x.method
    FROM (
      SELECT pm.signal_id, cs.case_id, 'subject' AS method, 1 AS prio
        FROM pm, LATERAL (SELECT case_id FROM case_subjects c WHERE c.tenant_id = $1 AND c.kind = 'person'
                           AND c.subject_id = pm.person_id OFFSET 0) cs
      UNION ALL
      SELECT hm.signal_id, cs.case_id, 'household', 2
        FROM hm, LATERAL (SELECT case_id FROM case_subjects c WHERE c.tenant_id = $1 AND c.kind = 'household'
                           AND c.subject_id = hm.household_id OFFSET 0) cs
      UNION ALL
      SELECT pm.signal_id, cs.case_id, 'subject', 3
        FROM pm, LATERAL (SELECT r.to_id FROM subject_relations r WHERE r.tenant_id = $1 AND r.from_kind = 'person'
                           AND r.from_id = pm.person_id AND r.relation = 'member_of' AND r.to_kind = 'group' OFFSET 0) g,
             LATERAL (SELECT case_id FROM case_subjects c WHERE c.tenant_id = $1 AND c.kind = 'group'
                       AND c.subject_id = g.to_id OFFSET 0) cs
    ) x,
    LATERAL (SELECT 1 FROM cases c WHERE c.tenant_id = $1 AND c.id = x.case_id AND c.status <> 'closed' OFFSET 0) open
   ORDER BY x.signal_id, x.case_id, x.prio
),
ins_c AS (
  INSERT INTO signal_matches (tenant_id, signal_id, kind, target_id, method)
  SELECT $1, signal_id, 'case', case_id, method FROM cm
  ON CONFLICT DO NOTHING
  RETURNING target_id
)
SELECT DISTINCT target_id AS case_id FROM ins_c ORDER BY 1`;

/** The date a signal is about: the creditor's signal date, else when it happened, else when it came in. */
export const refDate = (a: string) =>
  `coalesce(${a}.signal_date, (coalesce(${a}.occurred_at, ${a}.created_at) AT TIME ZONE 'Europe/Amsterdam')::date)`;

/**
 * Bundle: the earliest signal at the same address within the previous BUNDLE_DAYS that heads a bundle
 * (or is not bundled yet), or the signal itself. Signals of one call at one address go one at a time,
 * in date order, so each sees the decisions about the ones before it.
 */
export const BUNDLE_SQL = `
UPDATE signals t SET bundle_id = coalesce((
    SELECT c.id FROM signals c
     WHERE c.tenant_id = $1 AND c.address_key = t.address_key AND c.id <> t.id
       AND (c.bundle_id IS NULL OR c.bundle_id = c.id) AND c.merged_into_id IS NULL
       AND ${refDate('c')} BETWEEN ${refDate('t')} - ${BUNDLE_DAYS} AND ${refDate('t')}
       AND (${refDate('c')}, c.created_at, c.id) < (${refDate('t')}, t.created_at, t.id)
     ORDER BY ${refDate('c')}, c.created_at, c.id
     LIMIT 1), t.id)
  FROM unnest($2::uuid[]) AS u (id)
 WHERE t.tenant_id = $1 AND t.id = u.id AND t.address_key IS NOT NULL AND t.bundle_id IS NULL`;

/**
 * Matches the signals and bundles them by address; answers the open cases that were newly matched
 * (each gets a `signal_matched` alert, see match-signals.ts).
 */
export async function matchAndBundle(s: TenantScope, signalIds: string[]): Promise<string[]> {
  if (signalIds.length === 0) return [];
  const cases = await rows(s.q, z.object({ case_id: col.uuid }), MATCH_SQL, [
    s.tenantId,
    signalIds,
    NAME_SIMILARITY,
    NAME_SIMILARITY_AT_ADDRESS,
  ]);
  await bundleSignals(s, signalIds);
  return cases.map((c) => c.case_id);
}

async function bundleSignals(s: TenantScope, signalIds: string[]): Promise<void> {
  const found = await rows(
    s.q,
    z.object({ id: col.uuid, shared: col.bool }),
    `SELECT s.id, count(*) OVER (PARTITION BY s.address_key) > 1 AS shared
       FROM unnest($2::uuid[]) AS u (id),
            LATERAL (SELECT * FROM signals x WHERE x.tenant_id = $1 AND x.id = u.id OFFSET 0) s
      WHERE s.address_key IS NOT NULL AND s.bundle_id IS NULL
      ORDER BY ${refDate('s')}, s.created_at, s.id`,
    [s.tenantId, signalIds],
  );
  const alone = found.filter((r) => !r.shared).map((r) => r.id);
  if (alone.length) await execute(s.q, BUNDLE_SQL, [s.tenantId, alone]);
  for (const r of found) {
    if (r.shared) await execute(s.q, BUNDLE_SQL, [s.tenantId, [r.id]]);
  }
}
