import type { AreaGeometry } from '@wijkregie/shared';
import { describe, expect, it } from 'vitest';
import { describeOutline, isWgs84, readOutline } from './area-outline.ts';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [5.45, 52.15],
      [5.46, 52.15],
      [5.46, 52.16],
      [5.45, 52.16],
      [5.45, 52.15],
    ],
  ],
};

describe('readOutline', () => {
  it('takes a Polygon, a MultiPolygon, a Feature and a FeatureCollection of one', () => {
    expect(readOutline(JSON.stringify(square))).toEqual({ geometry: square });
    const multi = { type: 'MultiPolygon', coordinates: [square.coordinates] };
    expect(readOutline(JSON.stringify(multi))).toEqual({ geometry: multi });
    const feature = { type: 'Feature', properties: { naam: 'x' }, geometry: square };
    expect(readOutline(JSON.stringify(feature))).toEqual({ geometry: square });
    const collection = { type: 'FeatureCollection', features: [feature] };
    expect(readOutline(JSON.stringify(collection))).toEqual({ geometry: square });
  });

  it('says in Dutch what is wrong', () => {
    expect(readOutline('  ')).toEqual({ error: expect.stringMatching(/Teken de grenzen/) });
    expect(readOutline('{"type":')).toEqual({ error: expect.stringMatching(/geen JSON/) });
    expect(readOutline('{"type":"Point","coordinates":[5,52]}')).toEqual({
      error: expect.stringMatching(/Polygon of MultiPolygon.*\(nu: Point\)/),
    });
    expect(readOutline('{"type":"FeatureCollection","features":[]}')).toEqual({
      error: expect.stringMatching(/0 features/),
    });
  });
});

describe('isWgs84', () => {
  it('tells degrees from RD New metres', () => {
    const outline = readOutline(JSON.stringify(square));
    if (!('geometry' in outline)) throw new Error(outline.error);
    expect(isWgs84(outline.geometry)).toBe(true);
    const rd = readOutline(
      '{"type":"Polygon","coordinates":[[[155000,463000],[156000,463000],[156000,464000],[155000,463000]]]}',
    );
    if (!('geometry' in rd)) throw new Error(rd.error);
    expect(isWgs84(rd.geometry)).toBe(false);
  });
});

describe('describeOutline', () => {
  it('counts the corners, or the parts of a MultiPolygon', () => {
    const triangle: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [5.1, 52.1],
          [5.2, 52.2],
          [5.3, 52.1],
          [5.1, 52.1],
        ],
      ],
    };
    expect(describeOutline(triangle)).toBe('een vlak met 3 hoekpunten');
    expect(
      describeOutline({ type: 'MultiPolygon', coordinates: [triangle.coordinates, triangle.coordinates] }),
    ).toBe('2 vlakken (MultiPolygon)');
  });
});
