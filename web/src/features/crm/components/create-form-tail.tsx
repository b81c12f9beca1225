import type { ChangeEventHandler } from 'react';

import { Button } from '@/components/ui/button';
import { Field, FormAlert } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { getErrorMessage } from '@/lib/api-client';

type TailProps = {
  /** The form's ZIP and tags, as useForm gives them. */
  zip: { value: string; onChange: ChangeEventHandler<HTMLInputElement>; errors?: string[] };
  tags: { value: string; onChange: ChangeEventHandler<HTMLInputElement>; errors?: string[] };
  submit: string;
  pending: boolean;
  error: unknown;
  other: string[];
};

/** The end of the "new account" and "new contact" forms: ZIP, tags, the submit button and why it failed. */
export function CreateFormTail({ zip, tags, submit, pending, error, other }: TailProps) {
  return (
    <>
      <Field label="ZIP" errors={zip.errors}>
        {(control) => <input {...control} inputMode="numeric" value={zip.value} onChange={zip.onChange} />}
      </Field>
      <Field label="Tags" hint="Comma-separated" errors={tags.errors}>
        {(control) => <input {...control} value={tags.value} onChange={tags.onChange} />}
      </Field>
      <div className={formStyles.actions}>
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : submit}
        </Button>
      </div>
      {error ? <FormAlert other={other}>Could not add it: {getErrorMessage(error)}</FormAlert> : null}
    </>
  );
}
