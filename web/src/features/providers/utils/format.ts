const moneyFormat = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatMoney(value: number | null | undefined): string {
  return typeof value === 'number' ? moneyFormat.format(value) : '—';
}

/** Counts that may be fractional (CMS sums) with at most one decimal; "—" when absent. */
export function formatNumber(value: number | null | undefined): string {
  return typeof value === 'number' ? numberFormat.format(value) : '—';
}

/** A percentile as "top N%": percentile 52 is the top 48%. Undefined when there is none. */
export function topPercent(percentile: number | null | undefined): string | undefined {
  if (typeof percentile !== 'number') return undefined;
  const top = Math.min(100, Math.max(1, Math.round(100 - percentile)));
  return `top ${top}%`;
}

/** "Ratio" of part to whole as a percentage, "—" when it cannot be computed. */
export function share(part: number | null | undefined, whole: number | null | undefined): string {
  if (typeof part !== 'number' || typeof whole !== 'number' || whole <= 0) return '—';
  return `${numberFormat.format((part / whole) * 100)}%`;
}

export const STATUS_LABELS: Record<string, string> = {
  ACTIVE: 'Active',
  DEACTIVATED: 'Deactivated',
  NOT_IN_REGISTRY: 'Not in NPPES',
};

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  INDIVIDUAL: 'Individual',
  ORGANIZATION: 'Organization',
};

export function statusLabel(status: string | null | undefined): string {
  if (!status) return 'Unknown';
  return STATUS_LABELS[status.toUpperCase()] ?? status;
}

function credentialKey(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * The credential to show after a name, or undefined when there is none or the name already ends with it
 * (a CMS file's display name carries it: "JOHN SMITSON II, M.D." with credential "M.D.").
 */
export function credentialSuffix(name: string, credential: string | null | undefined): string | undefined {
  if (!credential?.trim()) return undefined;
  const key = credentialKey(credential);
  if (!key) return undefined;
  return credentialKey(name).endsWith(key) ? undefined : credential.trim();
}
