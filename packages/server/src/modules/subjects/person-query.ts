import { normalisePostalCode } from '@wijkregie/shared';
import type { PersonQuery } from './repository.js';

/** Splits a free query into a birth date, a postal code, a BSN (nine digits) and the rest as a name. */
export function parsePersonQuery(q: string): PersonQuery {
  let rest = ` ${q} `;
  const out: PersonQuery = {};
  const pc = /\s([1-9]\d{3})\s?([a-zA-Z]{2})\s/.exec(rest);
  if (pc) {
    const n = normalisePostalCode(`${pc[1]}${pc[2]}`);
    if (n) {
      out.postalCode = n;
      rest = rest.replace(pc[0], ' ');
    }
  }
  const bsn = /\s(\d{9})\s/.exec(rest);
  if (bsn?.[1]) {
    out.bsn = bsn[1];
    rest = rest.replace(bsn[0], ' ');
  }
  const iso = /\s(\d{4})-(\d{2})-(\d{2})\s/.exec(rest);
  const nl = /\s(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s/.exec(rest);
  if (iso) {
    out.birthDate = `${iso[1]}-${iso[2]}-${iso[3]}`;
    rest = rest.replace(iso[0], ' ');
  } else if (nl) {
    const [match, day = '', month = '', year = ''] = nl;
    out.birthDate = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    rest = rest.replace(match, ' ');
  }
  if (out.birthDate && Number.isNaN(Date.parse(out.birthDate))) delete out.birthDate;
  const name = rest.trim().replace(/\s+/g, ' ');
  if (name) out.name = name;
  return out;
}
