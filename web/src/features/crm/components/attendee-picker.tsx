import { useDeferredValue, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/form';

import { useContacts } from '../api/contacts';
import styles from './crm.module.css';

export type Attendee = { id: string; name: string };

/** The server takes at most this many attendees on one activity. */
export const MAX_ATTENDEES = 50;

type AttendeePickerProps = {
  /** The contact the call is logged from: always an attendee. */
  first: Attendee;
  others: Attendee[];
  onChange: (others: Attendee[]) => void;
};

/** The attendees of a call: the contact it is logged from, and others found by name (two letters or more). */
export function AttendeePicker({ first, others, onChange }: AttendeePickerProps) {
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query.trim());
  const chosen = new Set([first.id, ...others.map((o) => o.id)]);
  const full = chosen.size >= MAX_ATTENDEES;
  return (
    <fieldset className={`${styles.attendees} ${styles.wide}`}>
      <legend>Attendees</legend>
      <ul aria-label="Attendees" className={styles.attendeeList}>
        <li>
          <strong>{first.name}</strong>
        </li>
        {others.map((other) => (
          <li key={other.id}>
            <strong>{other.name}</strong>{' '}
            <Button
              size="small"
              variant="secondary"
              aria-label={`Remove ${other.name}`}
              onClick={() => onChange(others.filter((o) => o.id !== other.id))}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      {full ? (
        <p>{MAX_ATTENDEES} attendees is the most one call can have.</p>
      ) : (
        <Field label="Add an attendee" hint="Type two letters or more of a contact's name.">
          {(control) => (
            <input
              {...control}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              // Enter here looks for a contact; it must not log the call half-filled.
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.preventDefault();
              }}
            />
          )}
        </Field>
      )}
      {!full && q.length >= 2 ? (
        <Matches
          q={q}
          chosen={chosen}
          onPick={(attendee) => {
            onChange([...others, attendee]);
            setQuery('');
          }}
        />
      ) : null}
    </fieldset>
  );
}

function Matches({ q, chosen, onPick }: { q: string; chosen: Set<string>; onPick: (attendee: Attendee) => void }) {
  const contacts = useContacts({ q });
  if (contacts.isPending) return <p>Looking for contacts…</p>;
  if (contacts.isError) return <p role="alert">Could not look for contacts.</p>;
  const matches = contacts.data.items.filter((contact) => !chosen.has(contact.id)).slice(0, 8);
  if (!matches.length) return <p>No other contact matches “{q}”.</p>;
  return (
    <ul aria-label="Matching contacts" className={styles.attendeeList}>
      {matches.map((contact) => (
        <li key={contact.id}>
          <Button
            size="small"
            variant="secondary"
            aria-label={`Add ${contact.displayName}`}
            onClick={() => onPick({ id: contact.id, name: contact.displayName })}
          >
            + {contact.displayName}
          </Button>
        </li>
      ))}
    </ul>
  );
}
