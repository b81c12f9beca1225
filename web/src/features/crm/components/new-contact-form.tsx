import { useNavigate } from 'react-router';
import { z } from 'zod';

import { Field, Form } from '@/components/ui/form';
import { Panel } from '@/components/ui/panel';
import { contactHref } from '@/config/paths';
import { useForm } from '@/hooks/use-form';

import { useCreateContact } from '../api/contacts';
import { parseTags } from '../utils/conflict';
import { CreateFormTail } from './create-form-tail';

export const newContactSchema = z.object({
  firstName: z.string().trim().max(100),
  lastName: z.string().trim().min(1, 'Give at least a last name.').max(100),
  email: z.union([z.literal(''), z.email('An e-mail address.')]),
  zip5: z.string().trim().regex(/^(\d{5})?$/, 'Five digits.'),
  tags: z.string(),
});

/** A contact who is not (or not yet) a provider of the registry: a practice manager, a buyer... */
export function NewContactForm() {
  const navigate = useNavigate();
  const create = useCreateContact();
  const form = useForm({ firstName: '', lastName: '', email: '', zip5: '', tags: '' });
  const onSubmit = form.handleSubmit(
    newContactSchema,
    ({ firstName, lastName, email, zip5, tags }) =>
      create.mutate(
        {
          firstName: firstName || undefined,
          lastName,
          email: email || undefined,
          zip5: zip5 || undefined,
          tags: parseTags(tags),
        },
        { onSuccess: (contact) => void navigate(contactHref(contact.id)), onError: form.showError },
      ),
    create.reset,
  );
  return (
    <Panel title="New contact" subtitle="For providers, add them from their page: their public data comes along.">
      <Form formRef={form.formRef} layout="row" label="New contact" onSubmit={onSubmit}>
        <Field label="First name" errors={form.errors.firstName}>
          {(control) => <input {...control} {...form.text('firstName')} />}
        </Field>
        <Field label="Last name" errors={form.errors.lastName}>
          {(control) => <input {...control} {...form.text('lastName')} />}
        </Field>
        <Field label="E-mail" errors={form.errors.email}>
          {(control) => <input {...control} type="email" {...form.text('email')} />}
        </Field>
        <CreateFormTail
          zip={{ ...form.text('zip5'), errors: form.errors.zip5 }}
          tags={{ ...form.text('tags'), errors: form.errors.tags }}
          submit="Add contact"
          pending={create.isPending}
          error={create.isError ? create.error : undefined}
          other={form.other}
        />
      </Form>
    </Panel>
  );
}
