import type { Queryable } from '../../db/db.js';
import type { TenantScope } from '../../db/scope.js';
import { AreaLocator } from '../../lib/geo.js';
import { AREA_REQUIRED, areasVersion, outlines, POINT_TABLES, pointsAfter, setAreas } from './repository.js';

/*
 * The buurt of a point. The outlines of a municipality are read once and kept (a city's buurten are a
 * few megabytes of GeoJSON; reading and parsing them for every new signal would cost more than the
 * insert); a cheap query on the areas' count and last change tells when to read them again, so every
 * instance sees a newly loaded map at once.
 */

const cache = new Map<string, { version: string; locator: AreaLocator }>();

/** A locator for the municipality's current areas (buurten before wijken). */
export async function areaLocator(q: Queryable, tenantId: string): Promise<AreaLocator> {
  const version = await areasVersion(q, tenantId);
  const kept = cache.get(tenantId);
  if (kept && kept.version === version) return kept.locator;
  const locator = new AreaLocator(await outlines(q, tenantId));
  cache.set(tenantId, { version, locator });
  return locator;
}

/** The buurt (or else wijk) whose outline holds the point, or null. */
export async function areaAt(s: TenantScope, lat: number, lng: number): Promise<string | null> {
  return (await areaLocator(s.q, s.tenantId)).locate(lat, lng);
}

const PAGE = 2000;

/**
 * After the map changed: every signal, location, incident and field note with a point gets the area it now
 * lies in (a field note outside every buurt keeps its own).
 * A page of points at a time; only rows whose area changes are written. Returns how many changed.
 */
export async function relocatePoints(s: TenantScope): Promise<number> {
  const locator = await areaLocator(s.q, s.tenantId);
  let changed = 0;
  for (const table of POINT_TABLES) {
    let after: string | null = null;
    for (;;) {
      const page = await pointsAfter(s, table, after, PAGE);
      const changes = page.flatMap((p) => {
        const areaId = locator.locate(p.lat, p.lng);
        if (areaId === null && AREA_REQUIRED.has(table)) return [];
        return areaId === p.area_id ? [] : [{ id: p.id, areaId }];
      });
      await setAreas(s, table, changes);
      changed += changes.length;
      if (page.length < PAGE) break;
      after = page[page.length - 1]?.id ?? null;
    }
  }
  return changed;
}
