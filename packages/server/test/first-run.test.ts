import {
  AREA_KINDS,
  areaGeometrySchema,
  demoAccountsSchema,
  sessionResponseSchema,
  userListSchema,
} from '@wijkregie/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../src/app.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/bootstrap/demo.js';
import { firstRun } from '../src/bootstrap/first-run.js';
import { col, countRow, oneRow, rows } from '../src/db/rows.js';
import { bodyOf, Client, emptyDb } from './helpers.js';

// Seeding the demo takes 20–30 s on a busy two-core machine.
describe('first start on an empty database', { timeout: 180_000 }, () => {
  it('seeds Gemeente Voorbeeldstad in demo mode, and only once', async () => {
    const { db, drop } = await emptyDb();
    try {
      const first = await firstRun(db, { demo: true });
      expect(first).toMatchObject({ created: true, demo: true, adminEmail: 'beheer@voorbeeldstad.example' });
      expect(await firstRun(db, { demo: true })).toEqual({ created: false });

      const tenants = await oneRow(db, countRow, 'SELECT count(*)::int AS n FROM tenants');
      expect(tenants.n).toBe(1);
      const kinds = (await rows(db, z.object({ kind: col.text }), 'SELECT kind FROM partners')).map(
        (r) => r.kind,
      );
      for (const k of [
        'gemeente',
        'politie',
        'handhaving',
        'wijkteam',
        'ggz',
        'jeugd',
        'schuldhulp',
        'woningcorporatie',
        'jongerenwerk',
        'reclassering',
      ]) {
        expect(kinds).toContain(k);
      }
      const areas = await rows(
        db,
        z.object({
          kind: z.enum(AREA_KINDS),
          code: col.text,
          parent_id: col.uuid.nullable(),
          geometry: areaGeometrySchema,
        }),
        'SELECT kind, code, parent_id, geometry FROM areas',
      );
      expect(areas.filter((a) => a.kind === 'wijk').length).toBeGreaterThanOrEqual(3);
      expect(areas.filter((a) => a.kind === 'buurt').length).toBeGreaterThanOrEqual(6);
      for (const a of areas) {
        expect(a.code).toMatch(a.kind === 'wijk' ? /^WK\d{6}$/ : /^BU\d{8}$/);
        expect(a.kind === 'buurt' ? a.parent_id : null).toEqual(
          a.kind === 'buurt' ? expect.any(String) : null,
        );
        expect(a.geometry.type).toBe('Polygon');
        if (a.geometry.type !== 'Polygon') continue;
        const ring = a.geometry.coordinates[0] ?? [];
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring.at(-1)); // closed
        for (const [lng, lat] of ring) {
          expect(lng).toBeGreaterThan(3.3); // inside the Netherlands
          expect(lng).toBeLessThan(7.3);
          expect(lat).toBeGreaterThan(50.7);
          expect(lat).toBeLessThan(53.6);
        }
      }

      // Every role can sign in with the documented demo password; the login page lists them.
      const app = await buildApp({ db, publicUrl: 'http://localhost:3000', demoPassword: DEMO_PASSWORD });
      for (const u of DEMO_USERS) {
        const c = await new Client(app).login({
          email: `${u.local}@voorbeeldstad.example`,
          password: DEMO_PASSWORD,
        });
        expect(bodyOf(await c.get('/api/v1/session'), sessionResponseSchema).user.roles).toEqual(u.roles);
      }
      const demo = bodyOf(
        await app.inject({ method: 'GET', url: '/api/v1/demo-accounts' }),
        demoAccountsSchema,
      );
      expect(demo.demo).toBe(true);
      expect(demo.password).toBe(DEMO_PASSWORD);
      expect(new Set(demo.accounts.flatMap((a) => a.roles))).toEqual(
        new Set(['admin', 'regisseur', 'professional', 'auditor']),
      );
      await app.close();
    } finally {
      await drop();
    }
  });

  it('without demo creates one tenant and its admin from the given credentials, and no demo accounts', async () => {
    const { db, drop } = await emptyDb();
    try {
      const res = await firstRun(db, {
        demo: false,
        adminEmail: 'beheer@gemeente.test',
        adminPassword: 'een-goed-wachtwoord',
      });
      expect(res).toEqual({ created: true, demo: false, adminEmail: 'beheer@gemeente.test' });
      const app = await buildApp({ db, publicUrl: 'http://localhost:3000' });
      const c = await new Client(app).login({
        email: 'beheer@gemeente.test',
        password: 'een-goed-wachtwoord',
      });
      expect(bodyOf(await c.get('/api/v1/users'), userListSchema).total).toBe(1);
      expect((await app.inject({ method: 'GET', url: '/api/v1/demo-accounts' })).json()).toEqual({
        demo: false,
        password: null,
        accounts: [],
      });
      await app.close();
    } finally {
      await drop();
    }
  });

  it('generates a password when none is given, and that password works', async () => {
    const { db, drop } = await emptyDb();
    try {
      const res = await firstRun(db, { demo: false });
      if (!res.created || !res.generatedPassword) throw new Error('expected a generated password');
      expect(res.generatedPassword.length).toBeGreaterThanOrEqual(12);
      const app = await buildApp({ db, publicUrl: 'http://localhost:3000' });
      await new Client(app).login({ email: res.adminEmail, password: res.generatedPassword });
      await app.close();
    } finally {
      await drop();
    }
  });
});
