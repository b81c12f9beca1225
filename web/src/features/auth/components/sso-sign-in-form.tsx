import { z } from 'zod';

import { Button } from '@/components/ui/button';
import { Field, Form, FormAlert } from '@/components/ui/form';
import { useForm } from '@/hooks/use-form';

/** A tenant's short name as the server names its single sign-on registration. */
export const ssoInputSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "Your company's short name: lower-case letters, digits and dashes."),
});

/** Where the server starts a tenant's single sign-on (Spring Security's OAuth2 login). */
export function ssoHref(slug: string): string {
  return `/oauth2/authorization/${encodeURIComponent(slug)}`;
}

/**
 * "Sign in with your company's single sign-on": the company's short name (tenant slug) sends the
 * browser to the server, which hands it to the company's identity provider. `failed` is set when
 * the server came back with ?error=sso.
 */
export function SsoSignInForm({ failed, go = (url) => window.location.assign(url) }: { failed: boolean; go?: (url: string) => void }) {
  const form = useForm({ slug: '' });
  const onSubmit = form.handleSubmit(ssoInputSchema, ({ slug }) => go(ssoHref(slug)));
  return (
    <Form formRef={form.formRef} layout="stacked" onSubmit={onSubmit} label="Single sign-on">
      <h2>Sign in with your company's single sign-on</h2>
      {failed ? (
        <FormAlert>Single sign-on did not complete. Check your company's short name, or sign in with a password.</FormAlert>
      ) : null}
      <Field label="Company short name" errors={form.errors.slug} hint="As your administrator gave it, e.g. acme-medical">
        {(control) => <input {...control} {...form.text('slug')} autoCapitalize="none" spellCheck={false} />}
      </Field>
      <Button type="submit" variant="secondary">
        Continue with single sign-on
      </Button>
    </Form>
  );
}
