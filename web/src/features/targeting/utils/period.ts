/** The calendar quarter holding `today`, as ISO dates: a new list's default period. */
export function currentQuarter(today: Date = new Date()): { periodStart: string; periodEnd: string } {
  const year = today.getUTCFullYear();
  const first = Math.floor(today.getUTCMonth() / 3) * 3;
  const start = new Date(Date.UTC(year, first, 1));
  const end = new Date(Date.UTC(year, first + 3, 0));
  return { periodStart: start.toISOString().slice(0, 10), periodEnd: end.toISOString().slice(0, 10) };
}
