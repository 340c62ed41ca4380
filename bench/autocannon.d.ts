// The part of autocannon's API the API benchmark uses (the package ships no types).
declare module 'autocannon' {
  type Histogram = { average: number; min: number; max: number; p50: number; p90: number; p97_5: number; p99: number };
  export type Result = {
    duration: number; errors: number; timeouts: number; non2xx: number; mismatches: number;
    latency: Histogram; requests: Histogram & { total: number; sent: number }; throughput: Histogram;
    statusCodeStats: Record<string, { count: number }>;
  };
  export type Options = {
    url: string; connections?: number; amount?: number; duration?: number; timeout?: number;
    requests?: { method?: string; path: string; headers?: Record<string, string> }[]; headers?: Record<string, string>;
  };
  export type Instance = Promise<Result> & {
    on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
    stop(): void;
  };
  export default function autocannon(options: Options): Instance;
}
