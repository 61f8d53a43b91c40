import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Alert } from '@wijkregie/shared';
import type { FastifyBaseLogger } from 'fastify';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import {
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import type { Viewer } from './access/viewer.js';
import { LiveHub } from './background/live.js';
import type { OidcSettings } from './config.js';
import type { Db } from './db/db.js';
import { SystemDb } from './db/scope.js';
import { applyApiDesignRules, registerApiVersionHeader } from './http/api-design-rules.js';
import { DEFAULT_SESSION_LIMITS, registerAuth, type SessionLimits } from './http/auth.js';
import { AppError, errorHandler, notFound, sendProblem, validationError } from './http/errors.js';
import { openapiTransform } from './http/openapi.js';
import { DOCS_CSP, registerSecurity } from './http/security.js';
import { registerTextGuard } from './http/text-guard.js';
import { type MapTiles, webAppCsp, webAppIndex } from './http/web-app.js';
import { accessReportRoutes } from './modules/access-report/routes.js';
import { actionRoutes } from './modules/actions/routes.js';
import { loadNewAlerts } from './modules/alerts/load-new-alerts.js';
import { ALERT_CHANNEL } from './modules/alerts/repository.js';
import { alertRoutes } from './modules/alerts/routes.js';
import { approachRoutes } from './modules/approaches/routes.js';
import { areaRoutes } from './modules/areas/routes.js';
import { attachmentRoutes } from './modules/attachments/routes.js';
import { auditEntries } from './modules/audit/context.js';
import { registerDeniedAudit } from './modules/audit/denied.js';
import { auditRoutes } from './modules/audit/routes.js';
import { AuditWriter } from './modules/audit/writer.js';
import { caseRoutes } from './modules/cases/routes.js';
import { earlyWarningRoutes } from './modules/early-warning/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { incidentRoutes } from './modules/incidents/routes.js';
import { listenForMatrixChanges } from './modules/matrix/repository.js';
import { matrixRoutes } from './modules/matrix/routes.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { neighbourhoodRoutes } from './modules/neighbourhood/routes.js';
import { organisationRoutes } from './modules/organisation/routes.js';
import { outcomeRoutes } from './modules/outcomes/routes.js';
import { overviewRoutes } from './modules/overview/routes.js';
import { planRoutes } from './modules/plans/routes.js';
import { processingRoutes } from './modules/processing/routes.js';
import { publicReportRoutes } from './modules/public-reports/routes.js';
import { residentGroupRoutes } from './modules/resident-groups/routes.js';
import { retentionRoutes } from './modules/retention/routes.js';
import { searchRoutes } from './modules/search/routes.js';
import { DEFAULT_LOGIN_THROTTLE, type LoginThrottle } from './modules/session/login.js';
import { OidcRelyingParty } from './modules/session/oidc-client.js';
import { findActiveSession, listenForEndedSessions } from './modules/session/repository.js';
import { sessionRoutes } from './modules/session/routes.js';
import { signalRoutes } from './modules/signals/routes.js';
import { socialMapRoutes } from './modules/social-map/routes.js';
import { subjectRoutes } from './modules/subjects/routes.js';
import { surveyRoutes } from './modules/surveys/routes.js';
import { webhookRoutes } from './modules/webhooks/routes.js';

export const JSON_BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  db: Db;
  publicUrl: string;
  /** A pino logger; without one the app logs nothing (tests). */
  logger?: FastifyBaseLogger;
  /** Folder of the built web app to serve; none in API tests. */
  webDist?: string;
  sessionLimits?: Partial<SessionLimits>;
  loginThrottle?: Partial<LoginThrottle>;
  /** Addresses (or CIDR blocks) of proxies whose X-Forwarded-For names the client; default none. */
  trustProxy?: string[] | false;
  /**
   * The password the demo seed gave its accounts, shown on the login page while demo accounts exist
   * (main.ts hands in bootstrap's; the app does not import bootstrap).
   */
  demoPassword?: string;
  /** The background map of the Wijkbeeld page, handed to the web app in its index.html; none: outlines only. */
  mapTiles?: MapTiles | undefined;
  /** Webhooks may be registered for internal addresses and plain http (WIJKREGIE_WEBHOOK_ALLOW_PRIVATE). */
  webhookAllowPrivate?: boolean;
  /** Staff login through the municipality's OpenID Connect provider (`OIDC_*`); none: off. */
  oidc?: OidcSettings | undefined;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const base = {
    bodyLimit: JSON_BODY_LIMIT,
    logController: new LogController({ disableRequestLogging: true }),
    // Client addresses are only used for throttling; trust no proxy headers unless configured
    // (WIJKREGIE_TRUST_PROXY, docs/several-instances.md).
    trustProxy: opts.trustProxy ?? false,
    return503OnClosing: true,
  } satisfies FastifyServerOptions;
  const app = (
    opts.logger ? Fastify({ ...base, loggerInstance: opts.logger }) : Fastify({ ...base, logger: false })
  ) as FastifyInstance;
  const system = new SystemDb(opts.db);

  app.setValidatorCompiler<ZodType>(({ schema }) => (data) => {
    const result = schema.safeParse(data);
    return result.success ? { value: result.data } : { error: validationError(result.error) };
  });
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // JSON only: a text/plain body (what a cross-site form can send) is refused with 415.
  app.removeContentTypeParser('text/plain');

  // Structured request log: method, route pattern (never the raw URL, which may hold a name in a
  // query), status and duration. No headers, no bodies, no addresses.
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        route: req.routeOptions.url ?? '(none)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  await app.register(fastifyCookie);
  // multipart/form-data for the operations that take files (`form` in the operation table): the
  // plugin only parses what such a route reads, with that route's limits (http/form.ts); every other
  // route refuses a form with 415 (http/serve.ts).
  await app.register(fastifyMultipart, { limits: { fileSize: 0, files: 0 } });
  registerApiVersionHeader(app); // first, so that every answer carries it, refusals included
  registerSecurity(app, opts.publicUrl);
  registerTextGuard(app);
  const audit = new AuditWriter(opts.db);
  // Live alerts: listen before serving; end every open stream before the server closes.
  const hub = new LiveHub<Viewer, Alert>(opts.db, ALERT_CHANNEL, (tenantId, viewer, ids) =>
    loadNewAlerts(opts.db, tenantId, viewer, ids),
  );
  await hub.start();
  app.addHook('preClose', () => hub.stop());
  // A logout on another instance drops the session from this one's cache at once.
  const stopSessionListener = await listenForEndedSessions(opts.db);
  app.addHook('preClose', () => stopSessionListener());
  // A change of the matrix on any instance drops its tenant's rows from this one's memory at commit.
  const stopMatrixListener = await listenForMatrixChanges(opts.db);
  app.addHook('preClose', () => stopMatrixListener());
  app.addHook('onClose', () => audit.close());
  const sessionLimits = { ...DEFAULT_SESSION_LIMITS, ...opts.sessionLimits };
  registerAuth(app, {
    system,
    limits: sessionLimits,
    publicUrl: opts.publicUrl,
    findSession: (token, limits) => findActiveSession(opts.db, token, limits),
    recordReads: (ctx, events) => audit.record(auditEntries(ctx, events)),
  });
  registerDeniedAudit(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Wijkregie API',
        version: '1.0.0',
        description:
          'Regiesysteem voor de integrale wijkaanpak. Fouten zijn application/problem+json (RFC 9457).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'wijkregie_session' } },
      },
      security: [{ session: [] }],
    },
    transform: openapiTransform,
    transformObject: (documentObject) =>
      applyApiDesignRules(jsonSchemaTransformObject(documentObject), opts.publicUrl),
  });
  // Its own Content-Security-Policy on every page and file of the documentation (http/security.ts).
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: DOCS_CSP });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  healthRoutes(app, opts.db);
  sessionRoutes(app, {
    system,
    throttle: { ...DEFAULT_LOGIN_THROTTLE, ...opts.loginThrottle },
    secureCookies: opts.publicUrl.startsWith('https:'),
    demoPassword: opts.demoPassword,
    sessionLimits,
    oidc: opts.oidc ? new OidcRelyingParty(opts.oidc, opts.publicUrl) : undefined,
  });
  organisationRoutes(app);
  areaRoutes(app);
  matrixRoutes(app);
  subjectRoutes(app);
  caseRoutes(app);
  attachmentRoutes(app);
  actionRoutes(app);
  meetingRoutes(app);
  alertRoutes(app, hub);
  signalRoutes(app);
  earlyWarningRoutes(app);
  searchRoutes(app);
  publicReportRoutes(app, system);
  residentGroupRoutes(app, system);
  auditRoutes(app);
  overviewRoutes(app);
  outcomeRoutes(app);
  planRoutes(app);
  incidentRoutes(app);
  webhookRoutes(app, { allowPrivate: opts.webhookAllowPrivate ?? false });
  neighbourhoodRoutes(app);
  approachRoutes(app);
  surveyRoutes(app, system);
  socialMapRoutes(app);
  processingRoutes(app);
  accessReportRoutes(app);
  retentionRoutes(app);

  const index = opts.webDist ? join(opts.webDist, 'index.html') : undefined;
  if (opts.webDist && index && existsSync(index)) {
    await app.register(fastifyStatic, { root: opts.webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path === '/health';
    if (!isApi && req.method === 'GET' && index && existsSync(index)) {
      // The web app routes in the browser: every other page gets index.html, with the map's tile
      // settings as meta elements and their origin among the allowed image sources (http/web-app.ts).
      reply.header('Content-Security-Policy', webAppCsp(opts.mapTiles));
      const html = webAppIndex(await readFile(index, 'utf8'), opts.mapTiles);
      return reply.type('text/html; charset=utf-8').send(html);
    }
    return sendProblem(reply, notFound('Deze pagina of bron bestaat niet.'));
  });

  return app;
}

export { AppError };
