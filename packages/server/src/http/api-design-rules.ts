import type { FastifyInstance } from 'fastify';

/**
 * The Dutch API Design Rules (Logius, the rules municipal clients check with the ADR linter) that
 * this API follows in its OpenAPI document and on the wire:
 * - every response carries the full version in an `API-Version` header (and the document says so);
 * - error responses are `application/problem+json` (RFC 9457), declared as such;
 * - every operation has an `operationId`, a summary and a tag that the document defines;
 * - `info.contact` names who answers for the API;
 * - the major version is in the URI: the document's server is `<public URL>/api/v1` and its paths are
 *   relative to it. The few operations outside it (`/health`, the residents' `/api/public/v1/…`) name
 *   their own server, the host, and keep their full path. Requests go where they always went.
 */
export const API_VERSION = '1.0.0';
/** Where the staff API lives: the major version of `API_VERSION` in the URI. */
export const API_BASE_PATH = '/api/v1';

/** Tags and what they hold, in the order the readable page shows them. */
export const API_TAGS: { name: string; description: string }[] = [
  { name: 'Sessie', description: 'Inloggen, uitloggen en de eigen sessie' },
  {
    name: 'Beveiliging',
    description:
      'Tweestapsverificatie (TOTP), de eigen sessies en de beveiligingsinstellingen van de gemeente',
  },
  { name: 'Startpagina', description: 'Wat vandaag aandacht vraagt, per rol' },
  { name: 'Organisatie', description: 'Partners en gebruikers (functioneel beheer)' },
  { name: 'Autorisatie', description: 'Informatiecategorieën en de autorisatiematrix' },
  { name: 'Gebieden', description: 'Wijken en buurten' },
  { name: 'Wijkbeeld', description: 'Incidenten en het beeld per wijk en buurt' },
  { name: 'Betrokkenen', description: 'Personen, huishoudens, groepen en locaties' },
  { name: 'Casussen', description: 'Casussen, hun logboek en levensloop' },
  { name: 'Acties', description: 'Wie doet wat wanneer' },
  { name: 'Overleggen', description: 'Multidisciplinaire overleggen, agenda en verslag' },
  {
    name: 'Plan van aanpak',
    description: 'Leefgebieden, zelfredzaamheidsscores, doelen, evaluaties en resultaten',
  },
  { name: 'Notificaties (SITRAP)', description: 'Meldingen van wijzigingen, live en per e-mail' },
  { name: 'Signalen', description: 'Signalen, vroegsignalering en huisbezoeken' },
  { name: 'Bijlagen', description: "Documenten en foto's bij notities en signalen" },
  { name: 'Zoeken', description: 'Eén zoekopdracht over alles wat de gebruiker mag zien' },
  {
    name: 'Bewonersgroepen',
    description:
      'Buurtpreventie, bewonerscommissies, de wijkraad: leden, meldingen en de tekst "Hoe meld ik?"',
  },
  { name: 'Sociale kaart', description: 'Wie werkt er in de wijk: rol, organisatie en bereikbaarheid' },
  { name: 'Bewoners', description: 'Openbare eindpunten voor bewoners, zonder inloggen' },
  {
    name: 'Privacy',
    description: 'Het verwerkingsregister (AVG art. 30) en de verwerking van een casus of signaal',
  },
  { name: 'Audit', description: 'Het auditlog en de controle van de keten' },
  { name: 'Systeem', description: 'Gezondheid van de dienst' },
];

export const API_CONTACT = {
  name: 'Wijkregie, functioneel beheer',
  email: 'wijkregie@voorbeeldstad.example',
  url: 'https://wijkregie.example/api/docs',
};

/** Sends `API-Version` on every answer, errors and static files included. */
export function registerApiVersionHeader(app: FastifyInstance): void {
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('API-Version', API_VERSION);
  });
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `get /api/v1/cases/{id}/entries` → `getApiV1CasesIdEntries`: stable and unique per operation. */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return `${method.toLowerCase()}${words.join('')}`;
}

/**
 * Brings a generated OpenAPI document in line with the rules above. Runs once, when the document is
 * first asked for; the routes declare only what is specific to them. `publicUrl` is the address the
 * users reach the app at (`WIJKREGIE_PUBLIC_URL`).
 */
export function applyApiDesignRules<T extends object>(doc: T, publicUrl: string): T {
  const d = doc as unknown as Json;
  const host = publicUrl.replace(/\/+$/, '');
  const info = isObject(d.info) ? d.info : {};
  d.info = { ...info, version: API_VERSION, contact: API_CONTACT };
  d.servers = [
    { url: `${host}${API_BASE_PATH}`, description: `Wijkregie API, versie ${API_VERSION.split('.')[0]}` },
  ];
  d.tags = API_TAGS;
  const components = isObject(d.components) ? d.components : {};
  components.headers = {
    ...(isObject(components.headers) ? components.headers : {}),
    'API-Version': {
      description: 'De volledige versie van de API die antwoordt',
      schema: { type: 'string', example: API_VERSION },
    },
  };
  d.components = components;
  const paths = isObject(d.paths) ? d.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!isObject(op)) continue;
      op.operationId ??= operationIdFor(method, path);
      if (!Array.isArray(op.tags) || op.tags.length === 0) op.tags = ['Systeem'];
      if (typeof op.summary !== 'string' || op.summary === '') op.summary = `${method.toUpperCase()} ${path}`;
      const responses = isObject(op.responses) ? op.responses : {};
      if (Object.keys(responses).length === 0) responses['200'] = { description: 'OK' };
      for (const [status, response] of Object.entries(responses)) {
        if (!isObject(response)) continue;
        response.headers = {
          ...(isObject(response.headers) ? response.headers : {}),
          'API-Version': { $ref: '#/components/headers/API-Version' },
        };
        if (status === '302') {
          // A browser's redirect (`status: 302` in the operation table): no body, a Location.
          delete response.content;
          response.headers = {
            ...(isObject(response.headers) ? response.headers : {}),
            Location: { description: 'Waar de browser heen gaat', schema: { type: 'string' } },
          };
        }
        const content = isObject(response.content) ? response.content : undefined;
        if (Number(status) >= 400 && content?.['application/json']) {
          content['application/problem+json'] = content['application/json'];
          delete content['application/json'];
        }
      }
      op.responses = responses;
    }
  }
  // Paths relative to the server; operations outside it name the host as theirs (on the operation,
  // so a path item holds nothing but its operations).
  const rebased: Json = {};
  for (const [path, item] of Object.entries(paths)) {
    if (path.startsWith(`${API_BASE_PATH}/`)) {
      rebased[path.slice(API_BASE_PATH.length)] = item;
      continue;
    }
    if (isObject(item)) for (const op of Object.values(item)) if (isObject(op)) op.servers = [{ url: host }];
    rebased[path] = item;
  }
  d.paths = rebased;
  return doc;
}

interface ServerList {
  servers?: readonly { url: string }[];
}

/**
 * The request path of a path of the document: the path of its server (the operations' own, else the
 * document's) before it. `/cases/{id}` → `/api/v1/cases/{id}`; `/health` → `/health`.
 */
export function requestPath(
  doc: ServerList & { paths: Record<string, Record<string, unknown>> },
  path: string,
): string {
  const ops = Object.values(doc.paths[path] ?? {}) as (ServerList | undefined)[];
  const servers = ops.find((op) => op?.servers)?.servers ?? doc.servers ?? [];
  const base = servers[0] ? new URL(servers[0].url, 'http://localhost').pathname.replace(/\/+$/, '') : '';
  return `${base}${path}`;
}
