import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { Field, Form, FormAlert, FormSuccess } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { paths } from '@/config/paths';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage, isApiError } from '@/lib/api-client';
import { roleLabel } from '@/lib/authorization';
import { formatDateTime, parseDate } from '@/lib/format';

import {
  acceptInvitationInputSchema,
  useAcceptInvitation,
  useInvitation,
  type InvitationOffer,
} from '../api/invitation';

/** The page an invitation link opens: what it offers, then a user name and password for the new account. */
export function InvitationAcceptance({ token }: { token: string }) {
  const invitation = useInvitation(token);

  if (invitation.isPending) return <LoadingState label="Checking the invitation…" />;
  if (invitation.isError) {
    if (isApiError(invitation.error) && invitation.error.status === 404) {
      return (
        <div role="alert" data-testid="invitation-invalid">
          <p>
            This invitation link does not work: it may have expired, been revoked, or been used already. Ask your
            administrator for a new one.
          </p>
          <p>
            <Link to={paths.signIn}>Sign in</Link> if you already have an account.
          </p>
        </div>
      );
    }
    return (
      <ErrorState
        title="Could not check the invitation"
        error={invitation.error}
        onRetry={() => void invitation.refetch()}
        retrying={invitation.isFetching}
        headingLevel={2}
      />
    );
  }
  return <AcceptForm token={token} offer={invitation.data} />;
}

const PASSWORD_FIELDS = [
  {
    name: 'password',
    label: 'Password',
    hint: 'At least 12 characters, without your user name. A few unrelated words make a good one.',
  },
  { name: 'confirmPassword', label: 'Repeat the password' },
] as const;

function AcceptForm({ token, offer }: { token: string; offer: InvitationOffer }) {
  const form = useForm({ username: '', password: '', confirmPassword: '' });
  const accept = useAcceptInvitation(token);
  const expiresAt = parseDate(offer.expiresAt);

  const onSubmit = form.handleSubmit(
    acceptInvitationInputSchema,
    ({ username, password }) => accept.mutate({ username, password }, { onError: form.showError }),
    accept.reset,
  );

  if (accept.isSuccess) {
    const username = form.values.username.trim();
    return (
      <FormSuccess>
        Your account <strong>{username}</strong> is ready.{' '}
        <Link to={`${paths.signIn}?${new URLSearchParams({ username }).toString()}`}>Sign in</Link> with your new
        password.
      </FormSuccess>
    );
  }

  return (
    <>
      <p data-testid="invitation-offer">
        <strong>{offer.displayName}</strong> ({offer.email}), you are invited to join MedSales as{' '}
        {offer.roles.map(roleLabel).join(', ')}.
        {expiresAt ? ` The link works until ${formatDateTime(expiresAt)}.` : null}
      </p>
      <Form formRef={form.formRef} layout="stacked" onSubmit={onSubmit} label="Create your account">
        {accept.isError ? (
          <FormAlert other={form.other}>Could not create the account: {getErrorMessage(accept.error)}</FormAlert>
        ) : null}
        <Field label="User name" errors={form.errors.username} hint="What you will sign in with.">
          {(control) => (
            <input {...control} {...form.text('username')} autoComplete="username" autoCapitalize="none" spellCheck={false} />
          )}
        </Field>
        {PASSWORD_FIELDS.map((field) => (
          <Field key={field.name} label={field.label} errors={form.errors[field.name]} hint={'hint' in field ? field.hint : undefined}>
            {(control) => <input {...control} {...form.text(field.name)} type="password" autoComplete="new-password" />}
          </Field>
        ))}
        <div className={formStyles.actions}>
          <Button type="submit" disabled={accept.isPending}>
            {accept.isPending ? 'Creating…' : 'Create my account'}
          </Button>
        </div>
      </Form>
    </>
  );
}
