import { useId, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';

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
  specialty: { label: 'Specialty', placeholder: 'Name or taxonomy code', size: 'grow' },
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
    },
  },
};

type ProviderSearchFormProps = {
  initialValues: FormValues;
  fieldErrors: Partial<Record<FormField, string[]>>;
  searching: boolean;
  onSearch: (values: FormValues) => void;
};

/** The provider filters. Submitting (Enter or the button) hands the values to `onSearch`. */
export function ProviderSearchForm({ initialValues, fieldErrors, searching, onSearch }: ProviderSearchFormProps) {
  const baseId = useId();
  const [values, setValues] = useState<FormValues>(initialValues);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(values);
  };

  const onReset = () => {
    const empty = Object.fromEntries(FORM_FIELDS.map((name) => [name, ''])) as FormValues;
    setValues(empty);
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate role="search" aria-label="Provider filters">
      {FORM_FIELDS.map((name) => {
        const spec = FIELD_SPECS[name];
        const id = `${baseId}-${name}`;
        const errors = fieldErrors[name];
        const invalid = Boolean(errors?.length);
        const common = {
          id,
          name,
          className: styles.control,
          value: values[name],
          'aria-invalid': invalid ? true : undefined,
          'aria-describedby': invalid ? `${id}-error` : undefined,
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
                onChange={(event) => setValues({ ...values, [name]: event.target.value })}
              />
            )}
            {invalid ? (
              <p id={`${id}-error`} className={styles.fieldError}>
                {errors?.join(' ')}
              </p>
            ) : null}
          </div>
        );
      })}
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
