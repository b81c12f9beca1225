import { isApiError } from '@/lib/api-client';

/** "source", "/source", "#/source" and "request.source" all name the field "source" of a form with those fields. */
export function fieldNamed<F extends string>(field: string | undefined, known: readonly F[]): F | undefined {
  if (!field) return undefined;
  const name = field.replace(/^#?\//, '').split(/[./]/).pop();
  return known.find((candidate) => candidate === name);
}

/** A ProblemDetail's field errors for the form's fields, plus the messages that name no field of the form. */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  known: readonly F[],
): { fields: Partial<Record<F, string[]>>; other: string[] } {
  const fields: Partial<Record<F, string[]>> = {};
  const other: string[] = [];
  if (!isApiError(error)) return { fields, other };
  for (const { field, message } of error.errors) {
    const name = fieldNamed(field, known);
    if (name) (fields[name] ??= []).push(message);
    else other.push(field ? `${field}: ${message}` : message);
  }
  return { fields, other };
}
