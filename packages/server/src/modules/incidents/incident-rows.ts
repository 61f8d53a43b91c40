import { type IncidentColumn as Column, INCIDENT_COLUMNS, incidentColumnName } from '@wijkregie/shared';
import type { AreaLocator } from '../../lib/geo.js';
import { amsterdamOffsetMinutes } from '../../lib/time.js';
import type { CsvRecord } from '../imports/csv.js';
import { FieldReader, recordProblem } from '../imports/header.js';
import type { IncidentValues } from './repository.js';

/*
 * The rows of a partner's incident export: each checked and normalised with a Dutch message per wrong
 * field ("tijdstip (kolom occurredAt): geen geldig tijdstip"), the buurt taken from the point.
 */

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
    const f = new FieldReader(rec, this.columns, incidentColumnName);

    const source = f.text('source', 100, true);
    const externalId = f.text('externalId', 200, false);
    const rawKind = f.get('category').toLowerCase();
    const category =
      rawKind === ''
        ? f.fail('category', 'verplicht')
        : (this.kinds.get(rawKind) ?? f.fail('category', 'onbekende soort incident'));
    const rawMoment = f.get('occurredAt');
    let occurredAt: string | undefined;
    if (rawMoment === '') f.fail('occurredAt', 'verplicht');
    else {
      const at = parseMoment(rawMoment);
      if (!at)
        f.fail('occurredAt', 'geen geldig tijdstip (bijv. 2026-11-20 22:15 of 2026-11-20T22:15:00+01:00)');
      else if (at.getTime() > this.now.getTime() + 5 * 60_000) f.fail('occurredAt', 'ligt in de toekomst');
      else occurredAt = at.toISOString();
    }
    const street = f.text('street', 200, false);
    const houseNumber = f.houseNumber('houseNumber', false);
    const postalCode = f.postalCode('postalCode', false);
    const rawLat = f.get('lat');
    const rawLng = f.get('lng');
    const lat = rawLat === '' ? null : parseDecimal(rawLat);
    const lng = rawLng === '' ? null : parseDecimal(rawLng);
    if (lat === undefined || (lat !== null && Math.abs(lat) > 90))
      f.fail('lat', 'geen geldige breedtegraad (bijv. 52,1053)');
    if (lng === undefined || (lng !== null && Math.abs(lng) > 180))
      f.fail('lng', 'geen geldige lengtegraad (bijv. 5,1234)');
    if ((lat === null) !== (lng === null))
      f.fail(lat === null ? 'lat' : 'lng', 'geef breedte- en lengtegraad samen');
    if (lat === null && lng === null && !street && !postalCode) {
      f.fail('street', 'geef een plek: een adres of breedte- en lengtegraad');
    }
    const description = f.text('description', 2000, false);

    if (f.errors.length || !source || !category || !occurredAt || lat === undefined || lng === undefined) {
      return `Regel ${rec.line}: ${f.errors.join('; ')}`;
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
