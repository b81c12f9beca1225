/**
 * A value axis for the app's small SVG charts: a "nice" top (1, 2, 2.5 or 5 times a power of ten) at or above the
 * largest value, and evenly spaced ticks from zero to it.
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let value = 0; value < max + step / 2; value += step) ticks.push(Number(value.toPrecision(12)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A tick label: "0", "2.5K", "1.2M"; with `money`, "$2.5K". */
export function formatTick(value: number, money = false): string {
  return `${money ? '$' : ''}${compact.format(value)}`;
}
