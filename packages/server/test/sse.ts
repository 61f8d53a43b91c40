import http from 'node:http';

export interface SseAlert {
  id: string;
  kind: string;
  caseId: string;
  caseReference: string;
}

/** A minimal EventSource over a real socket: collects `event: alert` messages. */
export class AlertStream {
  readonly alerts: SseAlert[] = [];
  status = 0;
  private req: http.ClientRequest | undefined;
  private waiters: (() => void)[] = [];

  static open(baseUrl: string, cookie: string | undefined): Promise<AlertStream> {
    const s = new AlertStream();
    return new Promise((resolve, reject) => {
      s.req = http.get(`${baseUrl}/api/v1/alerts/stream`, { headers: cookie ? { cookie } : {} }, (res) => {
        s.status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        let buf = '';
        let first = true;
        res.on('data', (chunk: string) => {
          buf += chunk;
          let i = buf.indexOf('\n\n');
          while (i >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const lines = block.split('\n');
            if (lines.includes('event: alert')) {
              const data = lines.find((l) => l.startsWith('data: '));
              if (data) s.alerts.push(JSON.parse(data.slice(6)) as SseAlert);
              for (const w of s.waiters.splice(0)) w();
            }
            i = buf.indexOf('\n\n');
          }
          if (first) {
            first = false;
            resolve(s);
          }
        });
        res.on('end', () => {
          if (first) resolve(s);
        });
      });
      s.req.on('error', reject);
    });
  }

  /** Resolves when `n` alerts have arrived, or rejects after `ms`. */
  async waitFor(n: number, ms = 3000): Promise<SseAlert[]> {
    const deadline = Date.now() + ms;
    while (this.alerts.length < n) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${n} alerts, got ${this.alerts.length}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.alerts;
  }

  close() {
    this.req?.destroy();
  }
}
