/**
 * Wijken and buurten of the fictional Voorbeeldstad. The buurten are cells of a slightly
 * irregular grid (neighbours share their edges); a wijk is a block of buurten, its outline
 * the block's perimeter. CBS-style codes use the unassigned municipality number 9999.
 */

type Position = [number, number];
export interface DemoArea {
  kind: 'wijk' | 'buurt';
  code: string;
  name: string;
  parentCode?: string;
  geometry: { type: 'Polygon'; coordinates: Position[][] };
}

const ORIGIN = { lng: 5.36, lat: 52.17 };
const CELL = { lng: 0.018, lat: 0.011 };

/** A grid vertex, nudged deterministically so the shapes don't look like a spreadsheet. */
function vertex(col: number, row: number): Position {
  const wobble = (a: number, b: number) => Math.sin(a * 12.9898 + b * 78.233) * 0.22;
  const lng = ORIGIN.lng + (col + wobble(col, row)) * CELL.lng;
  const lat = ORIGIN.lat - (row + wobble(row + 7, col + 3)) * CELL.lat;
  return [Number(lng.toFixed(6)), Number(lat.toFixed(6))];
}

/** Outline of the block of cells [c0..c1] × [r0..r1], counter-clockwise as RFC 7946 asks. */
function block(c0: number, c1: number, r0: number, r1: number): Position[][] {
  const ring: Position[] = [];
  for (let c = c0; c <= c1 + 1; c++) ring.push(vertex(c, r0)); // north edge, west → east
  for (let r = r0 + 1; r <= r1 + 1; r++) ring.push(vertex(c1 + 1, r)); // east edge, north → south
  for (let c = c1; c >= c0; c--) ring.push(vertex(c, r1 + 1)); // south edge, east → west
  for (let r = r1; r >= r0; r--) ring.push(vertex(c0, r)); // west edge, south → north (closes)
  return [ring.reverse()];
}

const WIJKEN: {
  code: string;
  name: string;
  cols: [number, number];
  rows: [number, number];
  buurten: string[];
}[] = [
  {
    code: 'WK999901',
    name: 'Centrum',
    cols: [1, 2],
    rows: [1, 1],
    buurten: ['Binnenstad', 'Stationskwartier'],
  },
  {
    code: 'WK999902',
    name: 'Noord',
    cols: [0, 3],
    rows: [0, 0],
    buurten: ['Molenbuurt', 'Vogelwijk', 'Bloemenbuurt', 'Bedrijventerrein De Vaart'],
  },
  { code: 'WK999903', name: 'Oost', cols: [3, 3], rows: [1, 2], buurten: ['Parkzicht', 'Oosterhof'] },
  {
    code: 'WK999904',
    name: 'Zuid',
    cols: [0, 2],
    rows: [2, 2],
    buurten: ['Zuiderpark', 'De Akkers', 'Schoolbuurt'],
  },
  { code: 'WK999905', name: 'West', cols: [0, 0], rows: [1, 1], buurten: ['Westerveld'] },
];

export function demoAreas(): DemoArea[] {
  const areas: DemoArea[] = [];
  for (const w of WIJKEN) {
    areas.push({
      kind: 'wijk',
      code: w.code,
      name: w.name,
      geometry: { type: 'Polygon', coordinates: block(w.cols[0], w.cols[1], w.rows[0], w.rows[1]) },
    });
    let i = 0;
    for (let r = w.rows[0]; r <= w.rows[1]; r++) {
      for (let c = w.cols[0]; c <= w.cols[1]; c++) {
        const name = w.buurten[i];
        if (!name) throw new Error(`wijk ${w.name} lacks a buurt name`);
        i++;
        areas.push({
          kind: 'buurt',
          code: `BU${w.code.slice(2)}${String(i).padStart(2, '0')}`,
          name,
          parentCode: w.code,
          geometry: { type: 'Polygon', coordinates: block(c, c, r, r) },
        });
      }
    }
  }
  return areas;
}
