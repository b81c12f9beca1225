import { useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { Field, Form, FormAlert } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { StatusBadge } from '@/components/ui/status-badge';
import { getErrorMessage } from '@/lib/api-client';
import { formatCount } from '@/lib/format';

import { AUDIT_OUTCOMES, useAuditEvents, useAuditVerification, type AuditEvent } from '../api/audit';
import {
  apiFiltersFrom,
  detailPairs,
  filterProblems,
  filterValuesFromParams,
  paramsFromFilterValues,
  type FilterField,
  type FilterValues,
} from '../utils/audit-filters';
import styles from './audit.module.css';

const OUTCOME_LABELS: Record<string, string> = { SUCCESS: 'Success', FAILURE: 'Failure', DENIED: 'Denied' };

const TEXT_FIELDS: Array<{ name: FilterField; label: string; hint?: string; type: string }> = [
  { name: 'action', label: 'Action', hint: 'e.g. auth.sign-in, or user for every user.* action', type: 'text' },
  { name: 'actor', label: 'Actor', hint: 'User name', type: 'text' },
  { name: 'from', label: 'From', type: 'datetime-local' },
  { name: 'to', label: 'To', type: 'datetime-local' },
];

/** The audit trail: filters kept in the page URL, events newest first, more by cursor, and the chain check. */
export function AuditTrail() {
  const [searchParams, setSearchParams] = useSearchParams();
  const paramString = searchParams.toString();
  const applied = useMemo(() => filterValuesFromParams(new URLSearchParams(paramString)), [paramString]);
  const events = useAuditEvents(apiFiltersFrom(applied));

  return (
    <>
      <Panel title="Filters" subtitle="Every sign-in, token and administrative change is recorded, newest first.">
        {/* Keyed by the URL, so that back and forward show the filters in effect. */}
        <AuditFilterForm
          key={paramString}
          initialValues={applied}
          onApply={(values) => setSearchParams(paramsFromFilterValues(values))}
        />
      </Panel>
      <VerifyChainPanel />
      <Panel
        title="Events"
        subtitle={events.data ? `${formatCount(events.data.pages.reduce((sum, page) => sum + page.items.length, 0))} shown` : undefined}
        busy={events.isFetching}
        testId="audit-events"
      >
        <PanelBody>
          <QueryState
            query={events}
            loadingLabel="Loading the audit trail…"
            errorTitle="Could not load the audit trail"
            onRetry={() => void events.refetch()}
          >
            {(data) => {
              const items = data.pages.flatMap((page) => page.items);
              if (!items.length) {
                return (
                  <PanelEmpty title="No events match" testId="audit-empty">
                    <p>Change or clear the filters.</p>
                  </PanelEmpty>
                );
              }
              return (
                <>
                  <AuditTable events={items} />
                  {events.hasNextPage ? (
                    <div>
                      <Button
                        variant="secondary"
                        onClick={() => void events.fetchNextPage()}
                        disabled={events.isFetchingNextPage}
                      >
                        {events.isFetchingNextPage ? 'Loading…' : 'Load more'}
                      </Button>
                    </div>
                  ) : null}
                </>
              );
            }}
          </QueryState>
        </PanelBody>
      </Panel>
    </>
  );
}

function AuditFilterForm({ initialValues, onApply }: { initialValues: FilterValues; onApply: (values: FilterValues) => void }) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<Partial<Record<FilterField, string[]>>>({});
  const set = (name: FilterField, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => ({ ...current, [name]: undefined }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = filterProblems(values);
    setErrors(problems);
    if (Object.keys(problems).length === 0) onApply(values);
  };

  return (
    <Form layout="row" onSubmit={onSubmit} role="search" label="Audit filters">
      {TEXT_FIELDS.map(({ name, label, hint, type }) => (
        <Field key={name} label={label} hint={hint} errors={errors[name]}>
          {(control) => (
            <input
              {...control}
              name={name}
              type={type}
              value={values[name]}
              onChange={(event) => set(name, event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
      ))}
      <Field label="Outcome">
        {(control) => (
          <select {...control} name="outcome" value={values.outcome} onChange={(event) => set('outcome', event.target.value)}>
            <option value="">Any</option>
            {AUDIT_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {OUTCOME_LABELS[outcome]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className={formStyles.actions}>
        <Button type="submit">Apply filters</Button>
        <Button
          variant="secondary"
          onClick={() => onApply({ action: '', actor: '', outcome: '', from: '', to: '' })}
        >
          Clear
        </Button>
      </div>
    </Form>
  );
}

function VerifyChainPanel() {
  const verification = useAuditVerification();
  const result = verification.data;
  return (
    <Panel
      title="Chain integrity"
      subtitle="Each event carries a hash of the one before it: a changed or deleted event breaks the chain."
      actions={
        <Button size="small" onClick={() => void verification.refetch()} disabled={verification.isFetching}>
          {verification.isFetching ? 'Verifying…' : 'Verify chain'}
        </Button>
      }
      testId="audit-verify"
    >
      <PanelBody>
        <div role="status" data-testid="audit-verify-result">
          {verification.isFetching ? (
            'Checking every event…'
          ) : verification.isError ? null : result ? (
            result.intact ? (
              <p className={styles.intact}>
                <StatusBadge status="OK" label="Intact" /> All {formatCount(result.eventsChecked)} events check out.
              </p>
            ) : (
              <p className={styles.broken}>
                <StatusBadge status="ERROR" label="Broken" /> The chain breaks at event #
                {result.firstBrokenEventId ?? '?'}
                {result.reason ? `: ${result.reason}` : ''} ({formatCount(result.eventsChecked)} events checked).
              </p>
            )
          ) : (
            'Not verified yet.'
          )}
        </div>
        {verification.isError && !verification.isFetching ? (
          <FormAlert>Could not verify the chain: {getErrorMessage(verification.error)}</FormAlert>
        ) : null}
      </PanelBody>
    </Panel>
  );
}

function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <DataTable caption="Audit events, newest first" testId="audit-table" narrowColumns>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Outcome</th>
          <th scope="col">Client IP</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id} data-testid={`audit-${event.id}`}>
            <th scope="row" className={styles.when}>
              <DateTime value={event.occurredAt} />
            </th>
            <td>{event.actor ?? '—'}</td>
            <td>
              <code>{event.action}</code>
            </td>
            <td className={styles.target}>{event.target ?? '—'}</td>
            <td>
              <StatusBadge status={event.outcome} label={OUTCOME_LABELS[event.outcome] ?? event.outcome} />
            </td>
            <td>{event.clientIp ?? '—'}</td>
            <td>
              <div className={styles.details}>
                {detailPairs(event.details).map((pair) => (
                  <span key={pair}>{pair}</span>
                ))}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
