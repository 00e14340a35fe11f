/** A figure measured many times: its median and spread. */
export interface Spread {
  median: number;
  /** 25th and 75th percentile: the middle half of the runs. */
  p25: number;
  p75: number;
  min: number;
  max: number;
  runs: number;
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

export function spread(values: readonly number[], digits = 1): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: round(quantile(sorted, 0.5), digits),
    p25: round(quantile(sorted, 0.25), digits),
    p75: round(quantile(sorted, 0.75), digits),
    min: round(sorted[0] ?? Number.NaN, digits),
    max: round(sorted[sorted.length - 1] ?? Number.NaN, digits),
    runs: values.length,
  };
}

/** "12.3 ms (IQR 11.0–14.1, n 20)". */
export function describe(figure: Spread, unit = 'ms'): string {
  return `${figure.median} ${unit} (IQR ${figure.p25}–${figure.p75}, n ${figure.runs})`;
}
