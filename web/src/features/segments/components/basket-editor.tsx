import { useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Field, Form, FormAlert } from '@/components/ui/form';
import { fieldErrorsOf } from '@/lib/field-errors';

import { METRICS, ROLES, SOURCES, SOURCE_LABELS, useBasketCodes, useSaveBasket, type Basket, type BasketSource } from '../api/baskets';
import styles from './segments.module.css';

type Item = { code: string; role: string };

/** Typing two letters or more offers the codes and names of the loaded data (a datalist under the input). */
function CodePicker({ source, onPick }: { source: string; onPick: (code: string) => void }) {
  const [text, setText] = useState('');
  const codes = useBasketCodes(source, text);
  const listId = `codes-${source}`;
  const add = () => {
    if (text.trim()) onPick(text.trim());
    setText('');
  };
  return (
    <div className={styles.row}>
      <Field label={source === 'PARTB' ? 'Add a HCPCS code' : 'Add a drug (generic or brand name)'} grow>
        {(control) => (
          <input
            {...control}
            list={listId}
            value={text}
            autoComplete="off"
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
        )}
      </Field>
      <datalist id={listId} data-testid="code-options">
        {(codes.data ?? []).map((code) => (
          <option key={code.code} value={code.code}>
            {code.label ?? ''}
          </option>
        ))}
      </datalist>
      <Button variant="secondary" onClick={add}>
        Add
      </Button>
    </div>
  );
}

const FIELDS = ['name', 'source', 'metric', 'items'] as const;

/** Creates a basket, or edits the one given: its name, source (on creation), metric and items, each ours or a competitor's. */
export function BasketEditor({ basket, onSaved }: { basket?: Basket; onSaved: (basket: Basket) => void }) {
  const [name, setName] = useState(basket?.name ?? '');
  const [source, setSource] = useState<BasketSource>((basket?.source as BasketSource | undefined) ?? 'PARTD');
  const [metric, setMetric] = useState<string>(basket?.metric ?? 'CLAIMS');
  const [items, setItems] = useState<Item[]>(basket?.items.map((item) => ({ code: item.code, role: item.role })) ?? []);
  const save = useSaveBasket();
  const { fields, other } = fieldErrorsOf(save.error, FIELDS);
  const itemErrors = other.filter((message) => message.startsWith('items['));
  const otherErrors = other.filter((message) => !message.startsWith('items['));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(
      { id: basket?.id, draft: { name, source, metric, items, version: basket?.version } },
      { onSuccess: (saved) => onSaved(saved) },
    );
  };

  return (
    <Form onSubmit={submit} layout="stacked" label={basket ? `Edit ${basket.name}` : 'New basket'} testId="basket-editor">
      <div className={styles.row}>
        <Field label="Basket name" errors={fields.name} grow>
          {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label="Source" errors={fields.source}>
          {(control) => (
            <select
              {...control}
              value={source}
              disabled={Boolean(basket)}
              onChange={(event) => {
                const next = event.target.value as BasketSource;
                setSource(next);
                setMetric(METRICS[next][0] ?? '');
                setItems([]);
              }}
            >
              {SOURCES.map((value) => (
                <option key={value} value={value}>
                  {SOURCE_LABELS[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Metric" errors={fields.metric}>
          {(control) => (
            <select {...control} value={metric} onChange={(event) => setMetric(event.target.value)}>
              {METRICS[source].map((value) => (
                <option key={value} value={value}>
                  {value.toLowerCase()}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <CodePicker source={source} onPick={(code) => setItems((list) => [...list, { code, role: list.length === 0 ? 'OWN' : 'COMPETITOR' }])} />
      <ul className={styles.items} aria-label="Items">
        {items.map((item, index) => (
          <li key={`${item.code}-${index}`} className={styles.item} data-testid="basket-item">
            <span>{item.code}</span>
            <select
              aria-label={`Role of ${item.code}`}
              value={item.role}
              onChange={(event) =>
                setItems((list) => list.map((it, i) => (i === index ? { ...it, role: event.target.value } : it)))
              }
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {role === 'OWN' ? 'ours' : 'competitor'}
                </option>
              ))}
            </select>
            <Button variant="secondary" size="small" onClick={() => setItems((list) => list.filter((_, i) => i !== index))}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      {fields.items?.length || itemErrors.length || otherErrors.length ? (
        <FormAlert other={[...(fields.items ?? []), ...itemErrors, ...otherErrors]}>The basket was not saved.</FormAlert>
      ) : null}
      <div>
        <Button type="submit" disabled={save.isPending}>
          {basket ? 'Save basket' : 'Create basket'}
        </Button>
      </div>
    </Form>
  );
}
