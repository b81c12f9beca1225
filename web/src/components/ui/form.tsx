import { useId, type FormEvent, type ReactNode, type Ref } from 'react';

import styles from './form.module.css';

type FormProps = {
  /** useForm's formRef: showing errors focuses the first invalid control inside. */
  formRef?: Ref<HTMLFormElement>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** `row`: fields side by side, padded, straight in a Panel; `inline`: the same in a PanelBody; `stacked`: one below the other. */
  layout: 'row' | 'inline' | 'stacked';
  label?: string;
  labelledBy?: string;
  role?: 'search';
  testId?: string;
  children: ReactNode;
};

const LAYOUTS = {
  row: styles.form,
  inline: `${styles.form} ${styles.flush}`,
  stacked: styles.stacked,
};

/** A form that checks its values itself (no browser validation bubbles) and is named for assistive technology. */
export function Form({ formRef, onSubmit, layout, label, labelledBy, role, testId, children }: FormProps) {
  return (
    <form
      ref={formRef}
      className={LAYOUTS[layout]}
      onSubmit={onSubmit}
      noValidate
      role={role}
      aria-label={label}
      aria-labelledby={labelledBy}
      data-testid={testId}
    >
      {children}
    </form>
  );
}

/** What a Field hands its control: the id its label points at, and its hint and errors for assistive technology. */
export type ControlProps = {
  id: string;
  className?: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
};

type FieldProps = {
  label: ReactNode;
  errors?: string[];
  hint?: ReactNode;
  /** In a .form row: takes the width left over. */
  grow?: boolean;
  children: (control: ControlProps) => ReactNode;
};

/** A labelled control with its hint and its errors below it. */
export function Field({ label, errors, hint, grow, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? hintId : undefined, invalid ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <div className={grow ? `${styles.field} ${styles.grow}` : styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children({
        id,
        className: styles.control,
        'aria-invalid': invalid ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={errorId} className={styles.fieldError}>
          {errors?.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

type CheckboxGroupProps<V extends string> = {
  legend: ReactNode;
  options: readonly V[];
  labelOf?: (value: V) => string;
  selected: readonly string[];
  onChange: (selected: V[]) => void;
  errors?: string[];
  disabled?: boolean;
};

/** A fieldset of checkboxes, one per option, keeping the options' order in what it reports. */
export function CheckboxGroup<V extends string>({
  legend,
  options,
  labelOf = (value) => value,
  selected,
  onChange,
  errors,
  disabled,
}: CheckboxGroupProps<V>) {
  const errorId = useId();
  const invalid = Boolean(errors?.length);
  const toggle = (value: V, checked: boolean) =>
    onChange(options.filter((option) => (option === value ? checked : selected.includes(option))));
  return (
    <div className={styles.field}>
      <fieldset className={styles.checkboxes} disabled={disabled}>
        <legend className={styles.label}>{legend}</legend>
        {options.map((option) => (
          <label key={option} className={styles.checkbox}>
            <input
              type="checkbox"
              value={option}
              checked={selected.includes(option)}
              onChange={(event) => toggle(option, event.target.checked)}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={invalid ? errorId : undefined}
            />
            {labelOf(option)}
          </label>
        ))}
      </fieldset>
      {invalid ? (
        <p id={errorId} className={styles.fieldError}>
          {errors?.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** Why a form's request failed, with the messages that belong to no field of the form. */
export function FormAlert({ children, other = [], inset }: { children: ReactNode; other?: string[]; inset?: boolean }) {
  return (
    <div className={inset ? `${styles.formError} ${styles.inset}` : styles.formError} role="alert">
      <p>{children}</p>
      {other.length ? (
        <ul>
          {other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A form's request went through. */
export function FormSuccess({ children, inset }: { children: ReactNode; inset?: boolean }) {
  return (
    <p className={inset ? `${styles.success} ${styles.inset}` : styles.success} role="status">
      {children}
    </p>
  );
}
