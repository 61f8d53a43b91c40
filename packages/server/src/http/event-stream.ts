import type { FastifyReply } from 'fastify';

/** How often an open stream is checked and kept open through proxies. */
export const PING_MS = 25_000;

export interface EventStream<T> {
  /** Subscribes `send` and `end` to the source; answers the unsubscribe. */
  subscribe(send: (event: { id: string; type: string; data: T }) => void, end: () => void): () => void;
  /** Whether the stream may go on (the session is still active); checked at every ping. */
  stillAllowed(): Promise<boolean>;
}

/**
 * Answers with a server-sent event stream (`text/event-stream`) that stays open: each event as
 * `id`, `event` and JSON `data`; a comment ping every PING_MS while `stillAllowed`, else the end.
 * The reply is taken over from Fastify (hijacked): no hook runs on it any more.
 */
export function openEventStream<T>(reply: FastifyReply, stream: EventStream<T>, pingMs = PING_MS): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
    'X-Accel-Buffering': 'no',
  });
  // `retry` tells the browser how soon to reconnect after a dropped connection.
  res.write('retry: 3000\n: verbonden\n\n');
  const unsubscribe = stream.subscribe(
    (e) => {
      res.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
    },
    () => res.end(),
  );
  const ping = setInterval(() => {
    void stream
      .stillAllowed()
      .then((allowed) => {
        if (allowed) res.write(': ping\n\n');
        else res.end();
      })
      .catch(() => res.end());
  }, pingMs);
  res.on('close', () => {
    clearInterval(ping);
    unsubscribe();
  });
}
