import { type IncidentColumn as Column, INCIDENT_COLUMNS, incidentColumnName } from '@wijkregie/shared';
import type { AreaLocator } from '../../lib/geo.js';
import { amsterdamOffsetMinutes } from '../../lib/time.js';
import type { CsvRecord } from '../imports/csv.js';
import { recordProblem } from '../imports/header.js';
import type { IncidentValues } from './repository.js';

/*
 * The rows of a partner's incident export: each checked and normalised with a Dutch message per wrong
 * field ("tijdstip (kolom occurredAt): geen geldig tijdstip"), the buurt taken from the point.
 */

const POSTAL_CODE = /^[1-9]\d{3}[A-Z]{2}$/;
const HOUSE_NUMBER = /^\d{1,5}([-/]?[A-Z0-9]{1,6})?$/;

/**
 * A moment as exports write it: ISO 8601 with an offset (`2026-11-20T22:15:00+01:00`, `…Z`), or a local
 * time without one — `2026-11-20 22:15`, `2026-11-20T22:15:00`, `20-11-2026 22:15` — which is
 * Amsterdam time; a date alone is noon of that day. Undefined when it is no real moment.
 */
export function parseMoment(raw: string): Date | undefined {
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    const at = new Date(s);
    return Number.isNaN(at.getTime()) ? undefined : at;
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  const m = iso ?? dutch;
  if (!m) return undefined;
  const [y, mo, d] = iso
    ? [Number(m[1]), Number(m[2]), Number(m[3])]
    : [Number(m[3]), Number(m[2]), Number(m[1])];
  const [h, mi, se] = m[4] === undefined ? [12, 0, 0] : [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi, se);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  // The wall-clock time in Amsterdam: subtract the offset that holds at that moment.
  return new Date(wall - amsterdamOffsetMinutes(new Date(wall)) * 60_000);
}

/** A decimal with a point or a comma ("52,1053"). */
function parseDecimal(raw: string): number | undefined {
  const s = raw.trim().replace(',', '.');
  return /^-?\d{1,3}(\.\d+)?$/.test(s) ? Number(s) : undefined;
}

export interface IncidentRow extends IncidentValues {
  line: number;
}

/** Validates and normalises one data row; a string is the rejection message for the line. */
export class IncidentRowValidator {
  constructor(
    private readonly columns: Record<Column, number>,
    /** The municipality's kinds: by key and by Dutch label, both in lower case. */
    private readonly kinds: ReadonlyMap<string, string>,
    private readonly locator: AreaLocator,
    private readonly now: Date,
  ) {}

  validate(rec: CsvRecord): IncidentRow | string {
    const problem = recordProblem(rec, this.columns, INCIDENT_COLUMNS, incidentColumnName);
    if (problem) return problem;
    const errors: string[] = [];
    const get = (c: Column) => (rec.fields[this.columns[c]] ?? '').trim().replace(/\s+/g, ' ');
    const fail = (c: Column, message: string) => {
      errors.push(`${incidentColumnName(c)}: ${message}`);
      return undefined;
    };
    const text = (c: Column, max: number, required: boolean) => {
      const v = get(c);
      if (v === '') return required ? fail(c, 'verplicht') : null;
      return v.length > max ? fail(c, `te lang (max. ${max} tekens)`) : v;
    };

    const source = text('source', 100, true);
    const externalId = text('externalId', 200, false);
    const rawKind = get('category').toLowerCase();
    const category =
      rawKind === ''
        ? fail('category', 'verplicht')
        : (this.kinds.get(rawKind) ?? fail('category', 'onbekende soort incident'));
    const rawMoment = get('occurredAt');
    let occurredAt: string | undefined;
    if (rawMoment === '') fail('occurredAt', 'verplicht');
    else {
      const at = parseMoment(rawMoment);
      if (!at)
        fail('occurredAt', 'geen geldig tijdstip (bijv. 2026-11-20 22:15 of 2026-11-20T22:15:00+01:00)');
      else if (at.getTime() > this.now.getTime() + 5 * 60_000) fail('occurredAt', 'ligt in de toekomst');
      else occurredAt = at.toISOString();
    }
    const street = text('street', 200, false);
    const rawNumber = get('houseNumber').replace(/\s+/g, '').toUpperCase();
    const houseNumber =
      rawNumber === ''
        ? null
        : HOUSE_NUMBER.test(rawNumber)
          ? rawNumber
          : fail('houseNumber', 'geen geldig huisnummer (bijv. 12, 12A of 12-2)');
    const rawPostal = get('postalCode').replace(/\s+/g, '').toUpperCase();
    const postalCode =
      rawPostal === ''
        ? null
        : POSTAL_CODE.test(rawPostal)
          ? rawPostal
          : fail('postalCode', 'geen geldige postcode (1234 AB)');
    const rawLat = get('lat');
    const rawLng = get('lng');
    const lat = rawLat === '' ? null : parseDecimal(rawLat);
    const lng = rawLng === '' ? null : parseDecimal(rawLng);
    if (lat === undefined || (lat !== null && Math.abs(lat) > 90))
      fail('lat', 'geen geldige breedtegraad (bijv. 52,1053)');
    if (lng === undefined || (lng !== null && Math.abs(lng) > 180))
      fail('lng', 'geen geldige lengtegraad (bijv. 5,1234)');
    if ((lat === null) !== (lng === null))
      fail(lat === null ? 'lat' : 'lng', 'geef breedte- en lengtegraad samen');
    if (lat === null && lng === null && !street && !postalCode) {
      fail('street', 'geef een plek: een adres of breedte- en lengtegraad');
    }
    const description = text('description', 2000, false);

    if (errors.length || !source || !category || !occurredAt || lat === undefined || lng === undefined) {
      return `Regel ${rec.line}: ${errors.join('; ')}`;
    }
    const place = [
      street && houseNumber ? `${street} ${houseNumber}` : street,
      postalCode && `${postalCode.slice(0, 4)} ${postalCode.slice(4)}`,
    ]
      .filter(Boolean)
      .join(', ');
    return {
      line: rec.line,
      source,
      externalId: externalId ?? null,
      category,
      occurredAt,
      lat,
      lng,
      address: place || null,
      areaId: lat !== null && lng !== null ? this.locator.locate(lat, lng) : null,
      description: description ?? null,
    };
  }
}
