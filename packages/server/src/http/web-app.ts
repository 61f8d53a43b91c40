/**
 * The page the web app starts from: index.html with what the browser needs to know of the configuration
 * (the background map's tiles, docs/configuration.md) as `<meta>` elements, and its Content-Security-Policy.
 * No endpoint of its own: the settings travel with the page.
 */

/** The background map of the Wijkbeeld page: a tile URL template (`{z}/{x}/{y}`) and its attribution. */
export interface MapTiles {
  url: string;
  /** Plain text (the web app shows it as text, never as HTML); empty when none is configured. */
  attribution: string;
}

/** `https://host/…/{z}/{x}/{y}.png`; the host may hold `{s}` (a subdomain the map library fills in). */
const TILE_URL = /^(https?):\/\/((?:\{s\}\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?)\/[^\s"'<>]*$/i;

/** Whether a value is a usable tile URL template: http(s), a plain host, and `{z}`, `{x}` and `{y}`. */
export function isTileUrl(url: string): boolean {
  return TILE_URL.test(url) && ['{z}', '{x}', '{y}'].every((p) => url.includes(p));
}

/** The origin the tiles come from as a CSP source: `https://service.pdok.nl`, `https://*.tile.osm.org`. */
export function tileSource(url: string): string | null {
  const match = TILE_URL.exec(url);
  if (!match) return null;
  const [, scheme = '', host = ''] = match;
  return `${scheme.toLowerCase()}://${host.replace('{s}', '*').toLowerCase()}`;
}

/** The Content-Security-Policy of the web app's page: its own scripts and styles; tiles from their origin. */
export function webAppCsp(tiles: MapTiles | undefined): string {
  const tileOrigin = tiles ? tileSource(tiles.url) : null;
  const img = ["'self'", 'data:', ...(tileOrigin ? [tileOrigin] : [])].join(' ');
  return `default-src 'self'; img-src ${img}; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'`;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** index.html with the tile settings as `<meta name="wijkregie-tile-…">` before `</head>`; unchanged without. */
export function webAppIndex(html: string, tiles: MapTiles | undefined): string {
  if (!tiles) return html;
  const meta = [
    `<meta name="wijkregie-tile-url" content="${escapeAttribute(tiles.url)}" />`,
    `<meta name="wijkregie-tile-attribution" content="${escapeAttribute(tiles.attribution)}" />`,
  ].join('\n    ');
  return html.includes('</head>') ? html.replace('</head>', `  ${meta}\n  </head>`) : `${meta}\n${html}`;
}
