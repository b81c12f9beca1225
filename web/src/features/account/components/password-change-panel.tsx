import { Button } from '@/components/ui/button';
import { Field, Form, FormAlert, FormSuccess } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { Panel, PanelBody } from '@/components/ui/panel';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage } from '@/lib/api-client';

import { passwordChangeInputSchema, useChangePassword } from '../api/change-password';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };
type FieldName = keyof typeof EMPTY;

const FIELDS: Array<{ name: FieldName; label: string; autoComplete: string; hint?: string }> = [
  { name: 'currentPassword', label: 'Current password', autoComplete: 'current-password' },
  {
    name: 'newPassword',
    label: 'New password',
    autoComplete: 'new-password',
    hint: 'At least 12 characters, without your user name. A few unrelated words make a good one.',
  },
  { name: 'confirmPassword', label: 'Repeat the new password', autoComplete: 'new-password' },
];

/**
 * Changes the signed-in user's password; the server's policy errors show next to the field they concern.
 * `onChanged` runs once the server has accepted the new password.
 */
export function PasswordChangePanel({ onChanged }: { onChanged?: () => void } = {}) {
  const form = useForm(EMPTY);
  const change = useChangePassword();

  const onSubmit = form.handleSubmit(
    passwordChangeInputSchema,
    ({ currentPassword, newPassword }) =>
      change.mutate({ currentPassword, newPassword }, {
          onSuccess: () => {
            form.setValues(EMPTY);
            onChanged?.();
          },
          onError: form.showError,
        }),
    change.reset,
  );

  return (
    <Panel title="Password" subtitle="Change the password you sign in with." testId="password-panel">
      <PanelBody>
        <Form formRef={form.formRef} layout="stacked" onSubmit={onSubmit} label="Change password">
          {FIELDS.map(({ name, label, autoComplete, hint }) => (
            <Field key={name} label={label} errors={form.errors[name]} hint={hint}>
              {(control) => <input {...control} {...form.text(name)} type="password" autoComplete={autoComplete} />}
            </Field>
          ))}
          <div className={formStyles.actions}>
            <Button type="submit" disabled={change.isPending}>
              {change.isPending ? 'Changing…' : 'Change password'}
            </Button>
          </div>
          {change.isError ? (
            <FormAlert other={form.other}>Could not change the password: {getErrorMessage(change.error)}</FormAlert>
          ) : null}
          {change.isSuccess ? <FormSuccess>Your password has been changed.</FormSuccess> : null}
        </Form>
      </PanelBody>
    </Panel>
  );
}
