import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';

import { fieldErrorsOf, fieldNamed } from '@/lib/field-errors';

type Issue = { path: readonly PropertyKey[]; message: string };
type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
type Schema<T> = { safeParse: (value: unknown) => Parsed<T> };

type FormValues = Record<string, string | string[]>;
type TextField<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
type ChoiceField<V> = { [K in keyof V]: V[K] extends string[] ? K : never }[keyof V] & string;

/**
 * The state of a form: its values (text or lists of choices), their errors from the form's own
 * checks (a zod schema) or from a 400 ProblemDetail, and the messages that name no field.
 * Editing a field clears its errors; showing errors moves the focus to the first invalid control.
 */
export function useForm<V extends FormValues>(initialValues: V) {
  type F = keyof V & string;
  const fields = Object.keys(initialValues) as F[];
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<V>(initialValues);
  const [errors, setErrors] = useState<Partial<Record<F, string[]>>>({});
  const [other, setOther] = useState<string[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const showErrors = (byField: Partial<Record<F, string[]>>, otherMessages: string[] = []) => {
    setErrors(byField);
    setOther(otherMessages);
    if (Object.values<string[] | undefined>(byField).some((messages) => messages?.length)) {
      setFocusRequest((count) => count + 1);
    }
  };

  const setValue = <K extends F>(name: K, value: V[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => (current[name] ? { ...current, [name]: undefined } : current));
  };

  const showIssues = (issues: readonly Issue[]) => {
    const byField: Partial<Record<F, string[]>> = {};
    for (const issue of issues) {
      const name = fieldNamed(String(issue.path[0] ?? ''), fields);
      if (name) (byField[name] ??= []).push(issue.message);
    }
    showErrors(byField);
  };

  return {
    formRef,
    values,
    setValues,
    setValue,
    errors,
    other,
    showIssues,
    /** A failed request: its ProblemDetail's field errors (nothing for other errors). */
    showError(error: unknown) {
      const { fields: byField, other: rest } = fieldErrorsOf(error, fields);
      showErrors(byField, rest);
    },
    /** Value and change handler of an input, select or textarea. */
    text<K extends TextField<V>>(name: K) {
      return {
        name,
        value: values[name] as string,
        onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
          setValue(name, event.target.value as V[K]),
      };
    },
    /** What a CheckboxGroup needs for a list field. */
    choices<K extends ChoiceField<V>>(name: K) {
      return {
        selected: values[name] as string[],
        onChange: (selected: string[]) => setValue(name, selected as V[K]),
        errors: errors[name],
      };
    },
    /**
     * The form's submit handler: clears the errors, calls `onStart` (to reset the mutation), and
     * hands the parsed values to `onValid`, or shows the schema's issues.
     */
    handleSubmit<T>(schema: Schema<T>, onValid: (data: T) => void, onStart?: () => void) {
      return (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        onStart?.();
        showErrors({});
        const parsed = schema.safeParse(values);
        if (parsed.success) onValid(parsed.data);
        else showIssues(parsed.error.issues);
      };
    },
  };
}
