import { useState, type DragEvent } from 'react';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { Field, Form, FormAlert } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { Panel, PanelBody } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { opportunityHref } from '@/config/paths';
import { useForm } from '@/hooks/use-form';
import { getErrorMessage } from '@/lib/api-client';

import {
  useBoard,
  useCreateOpportunity,
  useMoveOpportunity,
  type BoardColumn,
  type Opportunity,
} from '../api/opportunities';
import { useAccountOptions, useContactOptions } from '../hooks/use-record-options';
import { formatAmount, formatDay } from '../utils/labels';
import styles from './crm.module.css';
import { DeleteButton, useRecentlyDeleted } from './recently-deleted';

const DRAG_TYPE = 'application/x-medsales-opportunity';

/** The pipeline as columns per stage: drag a card to another column, or pick the stage from its "Move to" list. */
export function PipelineBoard() {
  const board = useBoard();
  const move = useMoveOpportunity();
  const deleted = useRecentlyDeleted();
  return (
    <Panel title="Pipeline" subtitle="Drag a deal to another stage, or use its Move to list" busy={board.isFetching}>
      <PanelBody>
        <NewOpportunityForm />
        {move.isError ? <FormAlert>Could not move the deal: {getErrorMessage(move.error)}</FormAlert> : null}
        {deleted.notice}
        <QueryState
          query={board}
          loadingLabel="Loading the pipeline…"
          errorTitle="Could not load the pipeline"
          onRetry={() => void board.refetch()}
        >
          {(columns) => (
            <Board
              columns={columns}
              onMove={(opportunity, stageId) => move.mutate({ opportunity, stageId })}
              deleting={deleted.pending}
              onDelete={(opportunity) => deleted.remove({ kind: 'opportunities', id: opportunity.id, name: opportunity.name })}
            />
          )}
        </QueryState>
      </PanelBody>
    </Panel>
  );
}

type BoardProps = {
  columns: BoardColumn[];
  onMove: (o: Opportunity, stageId: string) => void;
  deleting: (id: string) => boolean;
  onDelete: (o: Opportunity) => void;
};

function Board({ columns, onMove, deleting, onDelete }: BoardProps) {
  const [over, setOver] = useState<string>();
  const all = columns.flatMap((column) => column.opportunities);
  const drop = (stageId: string) => (event: DragEvent) => {
    event.preventDefault();
    setOver(undefined);
    const card = all.find((o) => o.id === event.dataTransfer.getData(DRAG_TYPE));
    if (card && card.stageId !== stageId) onMove(card, stageId);
  };
  return (
    <div className={styles.board} data-testid="pipeline-board">
      {columns.map((column) => (
        <section
          key={column.stage.id}
          className={over === column.stage.id ? `${styles.column} ${styles.columnOver}` : styles.column}
          aria-label={column.stage.name}
          data-testid={`stage-${column.stage.name}`}
          onDragOver={(event) => {
            if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
            event.preventDefault();
            setOver(column.stage.id);
          }}
          onDragLeave={() => setOver(undefined)}
          onDrop={drop(column.stage.id)}
        >
          <h3 className={styles.columnTitle}>{column.stage.name}</h3>
          <span className={styles.muted}>
            {column.opportunities.length} · {formatAmount(column.total)}
            {column.stage.probability !== null ? ` · ${column.stage.probability}%` : ''}
          </span>
          {column.opportunities.map((opportunity) => (
            <article
              key={opportunity.id}
              className={styles.card}
              draggable
              data-testid={`opportunity-${opportunity.name}`}
              onDragStart={(event) => {
                event.dataTransfer.setData(DRAG_TYPE, opportunity.id);
                event.dataTransfer.effectAllowed = 'move';
              }}
            >
              <h4 className={styles.cardTitle}>
                <Link to={opportunityHref(opportunity.id)} draggable={false}>
                  {opportunity.name}
                </Link>
              </h4>
              <span>{formatAmount(opportunity.amount)}</span>
              <span className={styles.muted}>
                {[opportunity.accountName, opportunity.closeDate ? `closes ${formatDay(opportunity.closeDate)}` : null]
                  .filter(Boolean)
                  .join(' · ') || opportunity.ownerName}
              </span>
              <label className={styles.muted}>
                Move to{' '}
                <select
                  className={styles.select}
                  aria-label={`Move ${opportunity.name} to`}
                  value={opportunity.stageId}
                  onChange={(event) => onMove(opportunity, event.target.value)}
                >
                  {columns.map((target) => (
                    <option key={target.stage.id} value={target.stage.id}>
                      {target.stage.name}
                    </option>
                  ))}
                </select>
              </label>
              <DeleteButton name={opportunity.name} disabled={deleting(opportunity.id)} onClick={() => onDelete(opportunity)} />
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}

const newOpportunitySchema = {
  safeParse(values: unknown) {
    const v = values as { name: string; amount: string; closeDate: string; accountId: string; contactId: string };
    const issues: { path: string[]; message: string }[] = [];
    if (!v.name.trim()) issues.push({ path: ['name'], message: 'Name the deal.' });
    if (v.amount.trim() && !(Number(v.amount) >= 0)) issues.push({ path: ['amount'], message: 'An amount in dollars.' });
    return issues.length
      ? { success: false as const, error: { issues } }
      : {
          success: true as const,
          data: {
            name: v.name.trim(),
            amount: v.amount.trim() ? Number(v.amount) : undefined,
            closeDate: v.closeDate || undefined,
            accountId: v.accountId || undefined,
            contactId: v.contactId || undefined,
          },
        };
  },
};

const EMPTY_DEAL = { name: '', amount: '', closeDate: '', accountId: '', contactId: '' };

/** A new deal in the first stage, optionally for an account and a contact (found by name). */
function NewOpportunityForm() {
  const create = useCreateOpportunity();
  const form = useForm(EMPTY_DEAL);
  const [contactQuery, setContactQuery] = useState('');
  const accounts = useAccountOptions();
  const contacts = useContactOptions(contactQuery.trim());
  const onSubmit = form.handleSubmit(
    newOpportunitySchema,
    (opportunity) =>
      create.mutate(opportunity, {
        onSuccess: () => {
          form.setValues(EMPTY_DEAL);
          setContactQuery('');
        },
        onError: form.showError,
      }),
    create.reset,
  );
  return (
    <Form formRef={form.formRef} layout="inline" label="New deal" onSubmit={onSubmit}>
      <Field label="Deal" errors={form.errors.name} grow>
        {(control) => <input {...control} {...form.text('name')} />}
      </Field>
      <Field label="Amount (USD)" errors={form.errors.amount}>
        {(control) => <input {...control} inputMode="decimal" {...form.text('amount')} />}
      </Field>
      <Field label="Expected close" errors={form.errors.closeDate}>
        {(control) => <input {...control} type="date" {...form.text('closeDate')} />}
      </Field>
      <Field label="Account" errors={form.errors.accountId}>
        {(control) => (
          <select {...control} {...form.text('accountId')}>
            {accounts.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Find a contact" hint="Narrows the contact list">
        {(control) => (
          <input
            {...control}
            type="search"
            value={contactQuery}
            onChange={(event) => setContactQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
        )}
      </Field>
      <Field label="Contact" errors={form.errors.contactId}>
        {(control) => (
          <select {...control} {...form.text('contactId')}>
            {contacts.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className={formStyles.actions}>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add deal'}
        </Button>
      </div>
      {create.isError ? <FormAlert other={form.other}>Could not add it: {getErrorMessage(create.error)}</FormAlert> : null}
    </Form>
  );
}
