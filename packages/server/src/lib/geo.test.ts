import { describe, expect, it } from 'vitest';
import { AreaLocator, inWgs84Range, isRdNew, toWgs84 } from './geo.js';

describe('RD New to WGS84', () => {
  it('puts the origin of the Dutch grid on the Onze Lieve Vrouwetoren in Amersfoort', () => {
    // The RD origin (155000, 463000) is the tower: about 52.1552 N, 5.3872 E in WGS84.
    const g = toWgs84({
      type: 'Polygon',
      coordinates: [
        [
          [155000, 463000],
          [155100, 463000],
          [155100, 463100],
          [155000, 463000],
        ],
      ],
    });
    const [lng, lat] = g.type === 'Polygon' ? (g.coordinates[0]?.[0] ?? []) : [];
    expect(lat).toBeCloseTo(52.1552, 3);
    expect(lng).toBeCloseTo(5.3872, 3);
    // 100 metres east is about 0.00147 degrees of longitude at this latitude.
    const east = g.type === 'Polygon' ? (g.coordinates[0]?.[1]?.[0] ?? 0) : 0;
    expect(east - (lng ?? 0)).toBeCloseTo(0.00147, 4);
  });

  it('tells metres from degrees, and degrees off the earth', () => {
    const rd = { type: 'Polygon' as const, coordinates: [[[120000, 480000] as [number, number]]] };
    const wgs = { type: 'Polygon' as const, coordinates: [[[4.9, 52.37] as [number, number]]] };
    expect(isRdNew(rd)).toBe(true);
    expect(isRdNew(wgs)).toBe(false);
    expect(inWgs84Range(wgs)).toBe(true);
    expect(inWgs84Range({ type: 'Polygon', coordinates: [[[52.37, 95]]] })).toBe(false);
  });
});

describe('AreaLocator', () => {
  const square = (x0: number, y0: number, size: number): [number, number][][] => [
    [
      [x0, y0],
      [x0 + size, y0],
      [x0 + size, y0 + size],
      [x0, y0 + size],
      [x0, y0],
    ],
  ];
  const locator = new AreaLocator([
    { id: 'west', geometry: { type: 'Polygon', coordinates: square(5, 52, 0.01) } },
    {
      id: 'east',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [square(5.01, 52, 0.01), square(5.05, 52, 0.01)],
      },
    },
  ]);

  it('finds the buurt that holds a point, in a polygon and in a multipolygon', () => {
    expect(locator.locate(52.005, 5.005)).toBe('west');
    expect(locator.locate(52.005, 5.015)).toBe('east');
    expect(locator.locate(52.005, 5.055)).toBe('east');
  });

  it('finds none outside every buurt, also inside a bounding box but outside the outline', () => {
    expect(locator.locate(52.005, 5.035)).toBeNull();
    expect(locator.locate(51, 4)).toBeNull();
  });
});
