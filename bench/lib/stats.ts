// Small statistics for the benchmark table: median, min, max and percentiles of repeated runs.
export interface Summary {
  runs: number[];
  median: number;
  min: number;
  max: number;
  p95: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(runs: readonly number[]): Summary {
  const sorted = [...runs].sort((a, b) => a - b);
  return {
    runs: runs.map((r) => Math.round(r * 100) / 100),
    median: percentile(sorted, 50),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    p95: percentile(sorted, 95),
  };
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}
