import Fastify from 'fastify';

/**
 * The baseline of the benchmark: a minimal Fastify app with one route that answers a small JSON,
 * no database, no hooks, no logging. Started as a child process by run.ts with PORT set.
 */
const app = Fastify({ logger: false });
app.get('/', async () => ({ status: 'ok', service: 'bare' }));

const port = Number(process.env.PORT);
await app.listen({ port, host: '127.0.0.1' });
console.log(`listening on ${port}`);

const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
