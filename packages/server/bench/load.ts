import autocannon from 'autocannon';

export interface LoadSpec {
  name: string;
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  connections: number;
  durationS: number;
  warmupS: number;
  headers?: Record<string, string>;
  /** The path of the next request; called once per request. */
  nextPath: () => string;
  /** Called between the warm-up and the measured run. */
  beforeMeasured?: () => void;
}

export interface LoadResult {
  name: string;
  connections: number;
  durationS: number;
  requests: number;
  /** Completed requests per second (mean of the per-second samples). */
  rps: number;
  /** Latencies in ms, computed from every response of the measured run (not bucketed). */
  p50: number;
  p95: number;
  p97_5: number;
  p99: number;
  max: number;
  mean: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** 2xx answers in the warm-up and the measured run together (every one wrote audit records). */
  ok2xxIncludingWarmup: number;
  statusCodes: Record<string, number>;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

interface RawRun {
  result: autocannon.Result;
  latencies: number[];
}

function fire(spec: LoadSpec, durationS: number): Promise<RawRun> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: durationS,
        timeout: 30,
        headers: spec.headers ?? {},
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => ({ ...req, path: spec.nextPath() }),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, latencies })),
    );
    instance.on('response', (_client, _status, _bytes, ms) => {
      latencies.push(ms);
    });
  });
}

/** A warm-up run that is thrown away, then the measured run. */
export async function measure(spec: LoadSpec): Promise<LoadResult> {
  const warm = spec.warmupS > 0 ? await fire(spec, spec.warmupS) : undefined;
  spec.beforeMeasured?.();
  const { result, latencies } = await fire(spec, spec.durationS);
  const sorted = Float64Array.from(latencies).sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = s.count ?? 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    name: spec.name,
    connections: spec.connections,
    durationS: result.duration,
    requests: latencies.length,
    rps: round(result.requests.average),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p97_5: round(percentile(sorted, 97.5)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ok2xxIncludingWarmup: result['2xx'] + (warm?.result['2xx'] ?? 0),
    statusCodes,
  };
}
