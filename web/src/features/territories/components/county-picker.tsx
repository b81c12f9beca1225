import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Field, Form, FormAlert, FormSuccess } from '@/components/ui/form';
import { getErrorMessage } from '@/lib/api-client';

import { useAlignCounties, useCountySearch } from '../api/counties';
import type { Territory } from '../api/territories';
import styles from './territories.module.css';

/**
 * A territory's whole counties: found by name ("Kings, NY") or GEOID in the Census county list and aligned (taken from
 * the territory holding them), or taken out. Each change sends the territory's whole county list.
 */
export function CountyPicker({ territory }: { territory: Territory }) {
  const [query, setQuery] = useState('');
  const [done, setDone] = useState<string>();
  const search = useCountySearch(query);
  const align = useAlignCounties();
  const current = territory.counties;
  const held = new Set(current.map((county) => county.geoid));
  const save = (geoids: string[], message: string) => {
    setDone(undefined);
    align.mutate({ id: territory.id, counties: geoids }, { onSuccess: () => setDone(message) });
  };
  const found = query.trim().length >= 2 ? (search.data ?? []) : [];

  return (
    <Form layout="inline" label={`Counties of ${territory.name}`} onSubmit={(event) => event.preventDefault()}>
      {current.length ? (
        <ul className={styles.picks} aria-label={`Counties aligned to ${territory.name}`}>
          {current.map((county) => (
            <li key={county.geoid}>
              {county.name}, {county.state}{' '}
              <Button
                variant="secondary"
                size="small"
                disabled={align.isPending}
                aria-label={`Take ${county.name}, ${county.state} out of ${territory.name}`}
                onClick={() =>
                  save(
                    current.filter((c) => c.geoid !== county.geoid).map((c) => c.geoid),
                    `${county.name}, ${county.state} is no longer in ${territory.name}.`,
                  )
                }
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>No whole county is aligned to {territory.name}.</p>
      )}
      <Field label="Find a county" hint="A name, or a name and a state: Kings, NY">
        {(control) => (
          <input
            {...control}
            type="search"
            value={query}
            maxLength={100}
            onChange={(event) => {
              setQuery(event.target.value);
              setDone(undefined);
              align.reset();
            }}
          />
        )}
      </Field>
      {search.isError ? <FormAlert>Could not search: {getErrorMessage(search.error)}</FormAlert> : null}
      {query.trim().length >= 2 && search.isSuccess && !found.length ? (
        <p className={styles.muted}>No county matches “{query.trim()}”.</p>
      ) : null}
      {found.length ? (
        <ul className={styles.picks} aria-label="Counties found">
          {found.map((county) => (
            <li key={county.geoid}>
              {county.name}, {county.state} <span className={styles.muted}>({county.geoid}, {county.zips ?? 0} ZIPs
              {county.territory ? `, now in ${county.territory}` : ''})</span>{' '}
              {held.has(county.geoid) ? (
                <span className={styles.muted}>aligned here</span>
              ) : (
                <Button
                  variant="secondary"
                  size="small"
                  disabled={align.isPending}
                  aria-label={`Align ${county.name}, ${county.state} to ${territory.name}`}
                  onClick={() =>
                    save(
                      [...current.map((c) => c.geoid), county.geoid],
                      `${county.name}, ${county.state} is now in ${territory.name}` +
                        (county.territory ? `, moved from ${county.territory}.` : '.'),
                    )
                  }
                >
                  Align
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {align.isError ? <FormAlert>Could not change its counties: {getErrorMessage(align.error)}</FormAlert> : null}
      {done ? <FormSuccess>{done}</FormSuccess> : null}
    </Form>
  );
}
