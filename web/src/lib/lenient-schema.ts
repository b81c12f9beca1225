import { z } from 'zod';

/** A number that may arrive as a JSON number or a numeric string (BigDecimal); null when absent or not a number. */
export const lenientNumber = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value): number | null => {
    if (value === null || value === undefined || value === '') return null;
    const number = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(number) ? number : null;
  });

export const lenientString = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value): string | null => (value === null || value === undefined ? null : String(value)));

/** An array that may be missing or null: always an array afterwards. */
export function lenientArray<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((items): z.output<T>[] => items ?? []);
}
