import { useState } from 'react';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { targetListHref } from '@/config/paths';
import { getErrorMessage } from '@/lib/api-client';
import { formatCount } from '@/lib/format';

import { useAddMembers, useCreateTargetList, useTargetLists } from '../api/target-lists';
import { currentQuarter } from '../utils/period';
import styles from './targeting.module.css';

type AddToListProps = {
  /** The NPIs of the rows selected in the results. */
  selected: readonly string[];
  /** The search's query string, as GET /api/v1/providers takes it. */
  search: string;
  /** How many providers the search matches, if known. */
  total: number | null;
};

const NEW = '__new__';

/** Adds the selected rows, or every result of the search, to a new or an existing target list. */
export function AddToList({ selected, search, total }: AddToListProps) {
  const lists = useTargetLists();
  const createList = useCreateTargetList();
  const addMembers = useAddMembers();
  const [listId, setListId] = useState<string>(NEW);
  const [name, setName] = useState('');
  const [done, setDone] = useState<{ listId: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = createList.isPending || addMembers.isPending;

  const add = async (body: { npis?: string[]; search?: string }) => {
    setError(null);
    setDone(null);
    try {
      let target = listId;
      if (target === NEW) {
        const period = currentQuarter();
        const created = await createList.mutateAsync({ name: name.trim() || 'New target list', ...period });
        target = created.id;
        setListId(created.id);
      }
      const added = await addMembers.mutateAsync({ listId: target, ...body });
      setDone({
        listId: target,
        text: `Added ${formatCount(added.added)}${added.alreadyMembers ? `, ${formatCount(added.alreadyMembers)} already on the list` : ''}; the list has ${formatCount(added.memberCount)} members.`,
      });
    } catch (e) {
      setError(getErrorMessage(e));
    }
  };

  return (
    <div className={styles.toolbar} data-testid="add-to-list">
      <label>
        Target list{' '}
        <select
          className={styles.inlineSelect}
          value={listId}
          onChange={(event) => setListId(event.target.value)}
          aria-label="Target list"
        >
          <option value={NEW}>New list…</option>
          {(lists.data ?? []).map((list) => (
            <option key={list.id} value={list.id}>
              {list.name}
            </option>
          ))}
        </select>
      </label>
      {listId === NEW ? (
        <input
          className={styles.inlineSelect}
          aria-label="New list name"
          placeholder="New list name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      ) : null}
      <Button size="small" variant="secondary" disabled={busy || selected.length === 0} onClick={() => void add({ npis: [...selected] })}>
        Add {formatCount(selected.length)} selected
      </Button>
      <Button size="small" disabled={busy || !total} onClick={() => void add({ search })}>
        Add all {total === null ? '' : formatCount(total)} results
      </Button>
      {done ? (
        <span role="status" className={styles.message}>
          {done.text} <Link to={targetListHref(done.listId)}>Open the list</Link>
        </span>
      ) : null}
      {error ? (
        <span role="alert" className={styles.message}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
