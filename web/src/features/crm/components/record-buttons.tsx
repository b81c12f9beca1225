import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/form';

import type { Owner } from '../api/owners';

/** The cell with Restore of a row in a "recently deleted" list; nothing in the list of current records. */
export function RestoreCell({
  deleted,
  name,
  pending,
  onRestore,
}: {
  deleted: boolean;
  name: string;
  pending: boolean;
  onRestore: () => void;
}) {
  if (!deleted) return null;
  return (
    <td>
      <Button size="small" variant="secondary" aria-label={`Restore ${name}`} disabled={pending} onClick={onRestore}>
        Restore
      </Button>
    </td>
  );
}

/** City, state and ZIP of a record, or a dash. */
export function placeOf(record: { city: string | null; state: string | null; zip5: string | null }): string {
  return [record.city, record.state, record.zip5].filter(Boolean).join(', ') || '—';
}

type OwnerSelectProps = {
  label: string;
  /** The first option, meaning "no choice" (empty value). */
  none: string;
  owners: readonly Owner[];
  value: string;
  onChange: (value: string) => void;
};

/** A labelled select of the people records can be given to. */
export function OwnerSelect({ label, none, owners, value, onChange }: OwnerSelectProps) {
  return (
    <Field label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{none}</option>
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.displayName}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
