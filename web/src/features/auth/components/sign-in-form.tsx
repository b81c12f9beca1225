import { useRef } from 'react';

import { Button } from '@/components/ui/button';
import { Field, Form, FormAlert } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage, isApiError } from '@/lib/api-client';
import { formatWait } from '@/lib/format';

import { signInInputSchema, useSignIn } from '../api/sign-in';

/** What a failed sign-in tells the user: wrong credentials, a pause with its wait, or what else went wrong. */
export function signInErrorMessage(error: unknown): string {
  if (isApiError(error) && error.status === 401) return 'The user name or password is not correct.';
  if (isApiError(error) && error.status === 429) {
    const wait = error.retryAfterSeconds;
    return wait === undefined
      ? 'Sign-in is paused after repeated failed attempts. Try again later.'
      : `Sign-in is paused after repeated failed attempts. Try again in ${formatWait(wait)}.`;
  }
  return `Could not sign in: ${getErrorMessage(error)}`;
}

/** User name and password. Once signed in, the session query holds the user and the page moves on. */
export function SignInForm({ initialUsername = '' }: { initialUsername?: string }) {
  const form = useForm({ username: initialUsername, password: '' });
  const passwordRef = useRef<HTMLInputElement>(null);
  const signIn = useSignIn();

  const onSubmit = form.handleSubmit(
    signInInputSchema,
    // eslint-disable-next-line react-hooks/refs -- handleSubmit returns the submit handler: this runs on submit, never in render.
    (credentials) =>
      signIn.mutate(credentials, {
        onError: (error) => {
          if (isApiError(error) && error.status === 401) {
            form.setValue('password', '');
            passwordRef.current?.focus();
          } else {
            form.showError(error);
          }
        },
      }),
    signIn.reset,
  );

  return (
    <Form formRef={form.formRef} layout="stacked" onSubmit={onSubmit} label="Sign in">
      {signIn.isError ? <FormAlert other={form.other}>{signInErrorMessage(signIn.error)}</FormAlert> : null}

      <Field label="User name" errors={form.errors.username}>
        {(control) => (
          <input
            {...control}
            {...form.text('username')}
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus={!initialUsername}
          />
        )}
      </Field>

      <Field label="Password" errors={form.errors.password}>
        {(control) => (
          <input
            {...control}
            {...form.text('password')}
            ref={passwordRef}
            type="password"
            autoComplete="current-password"
            autoFocus={Boolean(initialUsername)}
          />
        )}
      </Field>

      <div className={formStyles.actions}>
        <Button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </div>
    </Form>
  );
}
