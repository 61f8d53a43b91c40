import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has the defaults of docs/configuration.md', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      databaseUrl: undefined,
      dataDir: './data',
      adminEmail: undefined,
      adminPassword: undefined,
      demo: undefined,
      smtpUrl: undefined,
      publicUrl: 'http://localhost:3000',
      trustProxy: false,
      jobIntervalMs: 30_000,
      auditKey: undefined,
      auditCheckpointFile: 'data/audit-checkpoints.jsonl',
      mapTiles: undefined,
      webhookAllowPrivate: false,
    });
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db:5432/wijk',
      WIJKREGIE_DATA_DIR: '/var/lib/wijkregie',
      WIJKREGIE_ADMIN_EMAIL: 'Beheer@Gemeente.NL',
      WIJKREGIE_ADMIN_PASSWORD: 'twaalf-tekens!',
      WIJKREGIE_DEMO: '0',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      WIJKREGIE_PUBLIC_URL: 'https://wijkregie.gemeente.nl/',
      WIJKREGIE_AUDIT_KEY: 'een-geheim-van-minstens-32-tekens-lang',
    });
    expect(c).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@db:5432/wijk',
      adminEmail: 'beheer@gemeente.nl',
      demo: false,
      publicUrl: 'https://wijkregie.gemeente.nl',
    });
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '3.5'],
    ['DATABASE_URL', 'mysql://x'],
    ['WIJKREGIE_DEMO', 'yes'],
    ['SMTP_URL', 'http://mail'],
    ['WIJKREGIE_PUBLIC_URL', 'ftp://x'],
    ['WIJKREGIE_ADMIN_EMAIL', 'geen-adres'],
    ['WIJKREGIE_ADMIN_PASSWORD', 'kort'],
    ['WIJKREGIE_TRUST_PROXY', 'true'],
    ['WIJKREGIE_TRUST_PROXY', '1'],
    ['WIJKREGIE_TRUST_PROXY', '10.0.0.0/33'],
    ['WIJKREGIE_TRUST_PROXY', '10.0.0.1,lb.example'],
    ['WIJKREGIE_JOB_INTERVAL_MS', '10'],
    ['WIJKREGIE_JOB_INTERVAL_MS', 'vaak'],
    ['WIJKREGIE_TILE_URL', 'https://service.pdok.nl/achtergrondkaart.png'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}=`));
  });

  it('reads the proxies to trust and the job interval (several instances)', () => {
    expect(loadConfig({ WIJKREGIE_TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,::1,loopback' })).toMatchObject({
      trustProxy: ['10.0.0.0/8', '192.168.1.5', '::1', 'loopback'],
    });
    expect(loadConfig({ WIJKREGIE_JOB_INTERVAL_MS: '1000' }).jobIntervalMs).toBe(1000);
  });

  it('reads the background map of the Wijkbeeld page', () => {
    const url = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';
    expect(
      loadConfig({ WIJKREGIE_TILE_URL: url, WIJKREGIE_TILE_ATTRIBUTION: 'Kaartgegevens © Kadaster' })
        .mapTiles,
    ).toEqual({
      url,
      attribution: 'Kaartgegevens © Kadaster',
    });
    expect(loadConfig({ WIJKREGIE_TILE_URL: url }).mapTiles).toEqual({ url, attribution: '' });
    expect(loadConfig({ WIJKREGIE_TILE_ATTRIBUTION: 'Kadaster' }).mapTiles).toBeUndefined();
  });

  it('never prints the admin password in its message', () => {
    expect(() => loadConfig({ WIJKREGIE_ADMIN_PASSWORD: 'geheim' })).toThrow(/\(verborgen\)/);
    expect(() => loadConfig({ WIJKREGIE_ADMIN_PASSWORD: 'geheim' })).not.toThrow(/geheim/);
  });
});
