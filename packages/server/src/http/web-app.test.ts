import { describe, expect, it } from 'vitest';
import { isTileUrl, tileSource, webAppCsp, webAppIndex } from './web-app.js';

const PDOK = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';
const INDEX =
  '<!doctype html>\n<html>\n  <head>\n    <title>Wijkregie</title>\n  </head>\n  <body></body>\n</html>';

describe('the web app page', () => {
  it('knows a tile URL template and the origin its tiles come from', () => {
    expect(isTileUrl(PDOK)).toBe(true);
    expect(isTileUrl('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(true);
    expect(isTileUrl('http://kaart.intern:8080/tiles/{z}/{x}/{y}')).toBe(true);
    expect(isTileUrl('https://service.pdok.nl/brt/achtergrondkaart.png')).toBe(false);
    expect(isTileUrl('ftp://tiles.example/{z}/{x}/{y}.png')).toBe(false);
    expect(isTileUrl('https://evil.example"/{z}/{x}/{y}.png')).toBe(false);
    expect(isTileUrl("https://tiles.example/{z}/{x}/{y}.png'; script-src *")).toBe(false);
    expect(tileSource(PDOK)).toBe('https://service.pdok.nl');
    expect(tileSource('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(
      'https://*.tile.openstreetmap.org',
    );
    expect(tileSource('http://Kaart.Intern:8080/t/{z}/{x}/{y}')).toBe('http://kaart.intern:8080');
  });

  it('lets images come from the tile origin only when tiles are configured', () => {
    expect(webAppCsp(undefined)).toBe(
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'",
    );
    expect(webAppCsp({ url: PDOK, attribution: '' })).toContain(
      "img-src 'self' data: https://service.pdok.nl;",
    );
  });

  it('hands the tile settings to the browser as meta elements, escaped', () => {
    expect(webAppIndex(INDEX, undefined)).toBe(INDEX);
    const html = webAppIndex(INDEX, { url: PDOK, attribution: 'Kaartgegevens © "Kadaster" <BRT>' });
    expect(html).toContain(`<meta name="wijkregie-tile-url" content="${PDOK}" />`);
    expect(html).toContain(
      '<meta name="wijkregie-tile-attribution" content="Kaartgegevens © &quot;Kadaster&quot; &lt;BRT&gt;" />',
    );
    expect(html.indexOf('wijkregie-tile-url')).toBeLessThan(html.indexOf('</head>'));
  });
});
