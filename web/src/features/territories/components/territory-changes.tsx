import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Field, Form, FormAlert, FormSuccess } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { getErrorMessage } from '@/lib/api-client';

import { useDeleteTerritory, useEditZip, useRenameTerritory, type Territory } from '../api/territories';
import { placeOf, useZipLookup, ZIP_PREFIX, type ZipPlace } from '../api/territory-zips';
import { CountyPicker } from './county-picker';
import styles from './territories.module.css';
import { TerritoryZipList } from './territory-zip-list';

const ZIP5 = /^\d{5}$/;

const VIA: Record<NonNullable<ZipPlace['via']>, string> = { ZIP: 'by ZIP', COUNTY: 'by county', STATE: 'by state' };

/** What the ZIP field says about what is typed: the ZIP's county and territory, or that it is not a known ZIP. */
function zipHint(typed: string, found: readonly ZipPlace[] | undefined): string | undefined {
  if (!/^\d{5}$/.test(typed) || !found) return ZIP_PREFIX.test(typed) ? undefined : 'Type or pick a 5-digit ZIP.';
  const zip = found.find((place) => place.zip5 === typed);
  if (!zip) return `${typed} is not in the Census ZIP list: it can be aligned, but shows on no map.`;
  const place = placeOf(zip) || 'no county on record';
  const where = zip.territory && zip.via ? `now in ${zip.territory} (${VIA[zip.via]})` : 'in no territory';
  return `${typed}: ${place}, ${where}.`;
}

/**
 * Administrators and managers: one territory renamed, deleted, or a single ZIP added to it (taken from whichever
 * territory held it, picked from the ZIPs that start with what is typed) or taken out of it; its ZIPs listed, and its
 * whole counties picked by name. A refusal of the server (ProblemDetail) is shown as it came.
 */
export function TerritoryChanges({ territories }: { territories: readonly Territory[] }) {
  const rename = useRenameTerritory();
  const remove = useDeleteTerritory();
  const editZip = useEditZip();
  const [territoryId, setTerritoryId] = useState('');
  const [name, setName] = useState('');
  const [zip, setZip] = useState('');
  const [zipError, setZipError] = useState<string>();
  const [done, setDone] = useState<string>();
  const territory = territories.find((t) => t.id === territoryId);
  const names = new Map(territories.map((t) => [t.id, t.name]));
  const typed = zip.trim();
  const lookup = useZipLookup(territory?.level === 'TERRITORY' ? typed : '');
  // the answer for what is typed now (while the next one loads, the last one's matches still suggest)
  const found = ZIP_PREFIX.test(typed) && !lookup.isPlaceholderData ? lookup.data : undefined;
  const suggestions = typed.length < 5 ? (lookup.data ?? []).filter((place) => place.zip5.startsWith(typed)) : [];

  const reset = () => {
    rename.reset();
    remove.reset();
    editZip.reset();
    setZipError(undefined);
    setDone(undefined);
  };
  const choose = (id: string) => {
    setTerritoryId(id);
    setName(territories.find((t) => t.id === id)?.name ?? '');
    setZip('');
    reset();
  };
  const changeZip = (add: boolean, zip5: string = zip.trim()) => {
    if (!territory) return;
    reset();
    if (!ZIP5.test(zip5)) {
      setZipError('A ZIP has 5 digits.');
      return;
    }
    editZip.mutate(
      { id: territory.id, zip: zip5, add },
      {
        onSuccess: (alignment) => {
          setZip('');
          if (!add) setDone(`ZIP ${zip5} is no longer in ${territory.name}.`);
          else {
            const from = alignment?.previousTerritoryId ? names.get(alignment.previousTerritoryId) : undefined;
            const unknown = alignment?.knownZip === false ? ' (a ZIP without a known location)' : '';
            setDone(`ZIP ${zip5} is now in ${territory.name}${from ? `, moved from ${from}` : ''}${unknown}.`);
          }
        },
      },
    );
  };
  const error = rename.error ?? remove.error ?? editZip.error;

  // the last territory deleted: nothing left to change, but the confirmation stays
  if (!territories.length) return done ? <FormSuccess>{done}</FormSuccess> : null;
  return (
    <>
      <Form
        layout="inline"
        label="Change a territory"
        onSubmit={(event) => {
          event.preventDefault();
          if (!territory || !name.trim() || name.trim() === territory.name) return;
          reset();
          rename.mutate(
            { id: territory.id, name: name.trim(), version: territory.version ?? 0 },
            { onSuccess: (renamed) => setDone(`Renamed to ${renamed.name}.`) },
          );
        }}
      >
        <Field label="Territory to change">
          {(control) => (
            <select {...control} value={territoryId} onChange={(event) => choose(event.target.value)}>
              <option value="">Pick a territory</option>
              {territories.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.level.toLowerCase()})
                </option>
              ))}
            </select>
          )}
        </Field>
        {territory ? (
          <>
            <Field label="New name">
              {(control) => <input {...control} value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />}
            </Field>
            <div className={formStyles.actions}>
              <Button type="submit" variant="secondary" disabled={rename.isPending || !name.trim() || name.trim() === territory.name}>
                {rename.isPending ? 'Renaming…' : 'Rename'}
              </Button>
            </div>
            {territory.level === 'TERRITORY' ? (
              <>
                <Field label="ZIP" errors={zipError ? [zipError] : undefined} hint={typed ? zipHint(typed, found) : undefined}>
                  {(control) => (
                    <input
                      {...control}
                      value={zip}
                      inputMode="numeric"
                      maxLength={5}
                      onChange={(event) => {
                        setZip(event.target.value);
                        setZipError(undefined);
                      }}
                    />
                  )}
                </Field>
                {suggestions.length ? (
                  <ul className={styles.picks} aria-label="Matching postal codes">
                    {suggestions.map((place) => (
                      <li key={place.zip5}>
                        <Button variant="secondary" size="small" onClick={() => setZip(place.zip5)}>
                          {place.zip5}
                        </Button>{' '}
                        <span className={styles.muted}>
                          {placeOf(place) || 'no county on record'}
                          {place.territory ? ` · ${place.territory}` : ''}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <div className={formStyles.actions}>
                  <Button variant="secondary" disabled={editZip.isPending} onClick={() => changeZip(true)}>
                    Add ZIP
                  </Button>
                  <Button variant="secondary" disabled={editZip.isPending} onClick={() => changeZip(false)}>
                    Remove ZIP
                  </Button>
                </div>
              </>
            ) : null}
            <div className={formStyles.actions}>
              <ConfirmButton
                label={`Delete ${territory.name}`}
                question={`Delete ${territory.name} with its ${territory.zipCount} ZIPs and assignments?`}
                confirmText="Yes, delete"
                pending={remove.isPending}
                pendingText="Deleting…"
                onConfirm={() => {
                  reset();
                  const deleted = territory.name;
                  remove.mutate(territory.id, {
                    onSuccess: () => {
                      setTerritoryId('');
                      setDone(`${deleted} is deleted.`);
                    },
                  });
                }}
              >
                Delete
              </ConfirmButton>
            </div>
          </>
        ) : null}
        {error ? <FormAlert>Could not change it: {getErrorMessage(error)}</FormAlert> : null}
        {done ? <FormSuccess>{done}</FormSuccess> : null}
      </Form>
      {territory ? (
        <TerritoryZipList
          key={`zips-${territory.id}`}
          territory={territory}
          removing={editZip.isPending}
          onRemove={territory.level === 'TERRITORY' ? (zip5) => changeZip(false, zip5) : undefined}
        />
      ) : null}
      {territory?.level === 'TERRITORY' ? <CountyPicker key={`counties-${territory.id}`} territory={territory} /> : null}
    </>
  );
}
