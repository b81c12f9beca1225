import { useId, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';

import { useSpecialtyNames } from '../api/get-taxonomies';
import { ENTITY_TYPE_LABELS, STATUS_LABELS } from '../utils/format';
import { FORM_FIELDS, type FormField, type FormValues } from '../utils/search-criteria';
import styles from './providers.module.css';

type FieldSpec = {
  label: string;
  placeholder?: string;
  hint?: string;
  inputMode?: 'numeric' | 'text';
  options?: Record<string, string>;
  size?: 'small' | 'grow';
};

const FIELD_SPECS: Record<FormField, FieldSpec> = {
  name: { label: 'Name', placeholder: 'e.g. Jane Smith or clinic name', size: 'grow' },
  npi: { label: 'NPI', inputMode: 'numeric', placeholder: '10 digits', size: 'small' },
  specialty: {
    label: 'Specialty',
    placeholder: 'e.g. Dermatology or 207N00000X',
    hint: 'Pick a name from the list as you type, or give a taxonomy code.',
    size: 'grow',
  },
  credential: { label: 'Credential', placeholder: 'MD, DO, NP…', size: 'small' },
  entityType: { label: 'Entity type', options: { '': 'Any', ...ENTITY_TYPE_LABELS } },
  status: {
    label: 'Status',
    options: { '': 'Active (default)', ACTIVE: STATUS_LABELS.ACTIVE!, DEACTIVATED: STATUS_LABELS.DEACTIVATED!, ANY: 'Any' },
  },
  state: { label: 'State', placeholder: 'NY', size: 'small' },
  city: { label: 'City' },
  zip: { label: 'ZIP', inputMode: 'numeric', size: 'small' },
  near: { label: 'Near ZIP', placeholder: 'ZIP or lat,lon', size: 'small' },
  radiusMiles: { label: 'Radius (miles)', inputMode: 'numeric', placeholder: '25', size: 'small' },
  hcpcs: { label: 'HCPCS (Part B)', placeholder: 'e.g. 99213, 99214', size: 'small' },
  minServices: { label: 'Min. services', inputMode: 'numeric', size: 'small' },
  minBeneficiaries: { label: 'Min. beneficiaries', inputMode: 'numeric', size: 'small' },
  drug: { label: 'Drug (Part D)', placeholder: 'Brand or generic name' },
  minClaims: { label: 'Min. claims', inputMode: 'numeric', size: 'small' },
  manufacturer: { label: 'Manufacturer (Open Payments)', placeholder: 'e.g. Pfizer' },
  nature: { label: 'Nature of payment', placeholder: 'e.g. Consulting Fee' },
  minPayment: { label: 'Min. payment ($)', inputMode: 'numeric', size: 'small' },
  maxPayment: { label: 'Max. payment ($)', inputMode: 'numeric', size: 'small' },
  year: { label: 'Data year', inputMode: 'numeric', placeholder: 'Latest', size: 'small' },
  sort: {
    label: 'Sort by',
    options: {
      '': 'Relevance / name',
      name: 'Name',
      distance: 'Distance',
      services: 'Part B services',
      claims: 'Part D claims',
      payments: 'Open Payments',
      basketVolume: 'Basket volume',
    },
  },
};

/** The filters most searches need, always shown; the others fold under "More filters". */
export const COMMON_FIELDS: readonly FormField[] = ['name', 'specialty', 'state', 'city', 'near', 'radiusMiles', 'sort'];

const MORE_GROUPS: readonly { legend: string; fields: readonly FormField[] }[] = [
  { legend: 'Registry', fields: ['npi', 'credential', 'entityType', 'status', 'zip'] },
  { legend: 'Medicare Part B', fields: ['hcpcs', 'minServices', 'minBeneficiaries'] },
  { legend: 'Medicare Part D', fields: ['drug', 'minClaims'] },
  { legend: 'Open Payments', fields: ['manufacturer', 'nature', 'minPayment', 'maxPayment'] },
  { legend: 'Data', fields: ['year'] },
];

export const MORE_FIELDS: readonly FormField[] = MORE_GROUPS.flatMap((group) => group.fields);

type ProviderSearchFormProps = {
  initialValues: FormValues;
  fieldErrors: Partial<Record<FormField, string[]>>;
  searching: boolean;
  onSearch: (values: FormValues) => void;
  /** Clear: empty filters and no results. */
  onClear: () => void;
};

/**
 * The provider filters: the common ones, then the rest folded under "More filters" (open when one of them is in use or
 * wrong). The specialty offers the taxonomy names as the user types. Submitting (Enter or the button) hands the values
 * to `onSearch`.
 */
export function ProviderSearchForm({ initialValues, fieldErrors, searching, onSearch, onClear }: ProviderSearchFormProps) {
  const baseId = useId();
  const [values, setValues] = useState<FormValues>(initialValues);
  const inUse = MORE_FIELDS.filter((name) => initialValues[name] || fieldErrors[name]?.length).length;
  const [moreOpen, setMoreOpen] = useState(inUse > 0);
  const [atSpecialty, setAtSpecialty] = useState(Boolean(initialValues.specialty));
  const specialtyNames = useSpecialtyNames(atSpecialty);
  const specialtyListId = `${baseId}-specialty-names`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(values);
  };

  const onReset = () => {
    setValues(Object.fromEntries(FORM_FIELDS.map((name) => [name, ''])) as FormValues);
    onClear();
  };

  const field = (name: FormField) => {
    const spec = FIELD_SPECS[name];
    const id = `${baseId}-${name}`;
    const errors = fieldErrors[name];
    const invalid = Boolean(errors?.length);
    const hintId = spec.hint ? `${id}-hint` : undefined;
    const describedBy = [invalid ? `${id}-error` : undefined, hintId].filter(Boolean).join(' ') || undefined;
    const common = {
      id,
      name,
      className: styles.control,
      value: values[name],
      'aria-invalid': invalid ? true : undefined,
      'aria-describedby': describedBy,
    };
    const fieldClass = [styles.field, spec.size ? styles[spec.size] : undefined].filter(Boolean).join(' ');
    return (
      <div key={name} className={fieldClass}>
        <label htmlFor={id} className={styles.label}>
          {spec.label}
        </label>
        {spec.options ? (
          <select {...common} onChange={(event) => setValues({ ...values, [name]: event.target.value })}>
            {Object.entries(spec.options).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            type="text"
            inputMode={spec.inputMode}
            placeholder={spec.placeholder}
            autoComplete="off"
            spellCheck={false}
            list={name === 'specialty' ? specialtyListId : undefined}
            onFocus={name === 'specialty' ? () => setAtSpecialty(true) : undefined}
            onChange={(event) => setValues({ ...values, [name]: event.target.value })}
          />
        )}
        {spec.hint ? (
          <p id={hintId} className={styles.fieldHint}>
            {spec.hint}
          </p>
        ) : null}
        {invalid ? (
          <p id={`${id}-error`} className={styles.fieldError}>
            {errors?.join(' ')}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate role="search" aria-label="Provider filters">
      {COMMON_FIELDS.map(field)}
      <datalist id={specialtyListId} data-testid="specialty-names">
        {(specialtyNames.data ?? []).map((specialty) => (
          <option key={specialty} value={specialty} />
        ))}
      </datalist>
      <details
        className={styles.moreFilters}
        open={moreOpen}
        onToggle={(event) => setMoreOpen(event.currentTarget.open)}
        data-testid="more-filters"
      >
        <summary>
          More filters{inUse ? ` (${inUse} in use)` : ''}
        </summary>
        <div className={styles.moreGroups}>
          {MORE_GROUPS.map((group) => (
            <fieldset key={group.legend} className={styles.filterGroup}>
              <legend>{group.legend}</legend>
              {group.fields.map(field)}
            </fieldset>
          ))}
        </div>
      </details>
      <div className={styles.formActions}>
        <Button type="submit" disabled={searching}>
          {searching ? 'Searching…' : 'Search'}
        </Button>
        <Button type="button" variant="secondary" onClick={onReset}>
          Clear
        </Button>
      </div>
    </form>
  );
}
