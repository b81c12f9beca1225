import { Link, useNavigate } from 'react-router';

import { PageHeader } from '@/components/layouts/page';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { FormAlert } from '@/components/ui/form';
import { Panel, PanelBody } from '@/components/ui/panel';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { accountHref, contactHref, recentlyDeletedHref } from '@/config/paths';
import { getErrorMessage } from '@/lib/api-client';

import { useContact } from '../api/contacts';
import { useOpportunity, useStages, useUpdateOpportunity, type Opportunity } from '../api/opportunities';
import { useDeleteRecord } from '../api/records';
import { useAccountOptions, useContactOptions } from '../hooks/use-record-options';
import { formatAmount, formatDay } from '../utils/labels';
import styles from './crm.module.css';
import { RecordEditor, type EditableField } from './record-editor';
import { TasksPanel } from './tasks-panel';

/** A deal: where it stands, whom it is with, its fields to edit, and its open tasks. */
export function OpportunityRecord({ id }: { id: string }) {
  const opportunity = useOpportunity(id);
  if (opportunity.isPending) return <LoadingState label="Loading the deal…" />;
  if (opportunity.isError && !opportunity.data) {
    return (
      <ErrorState
        title="Could not load the deal"
        error={opportunity.error}
        onRetry={() => void opportunity.refetch()}
        retrying={opportunity.isFetching}
        headingLevel={2}
      />
    );
  }
  return <OpportunityView opportunity={opportunity.data} reload={() => void opportunity.refetch()} />;
}

/** The contact's name, when the user may open it. */
function ContactLink({ id }: { id: string }) {
  const contact = useContact(id);
  if (contact.data) return <Link to={contactHref(id)}>{contact.data.displayName}</Link>;
  return <span className={styles.muted}>{contact.isPending ? 'Loading…' : 'A contact you cannot open'}</span>;
}

function OpportunityView({ opportunity, reload }: { opportunity: Opportunity; reload: () => void }) {
  const navigate = useNavigate();
  const update = useUpdateOpportunity();
  const remove = useDeleteRecord('opportunities');
  const stages = useStages();
  const contact = useContact(opportunity.contactId ?? '');
  const accounts = useAccountOptions({ id: opportunity.accountId, name: opportunity.accountName });
  const contacts = useContactOptions('', { id: opportunity.contactId, name: contact.data?.displayName });
  const stageOptions = (stages.data ?? [{ id: opportunity.stageId, name: opportunity.stageName ?? 'Current stage' }]).map(
    (stage) => ({ value: stage.id, label: stage.name }),
  );
  const fields: EditableField[] = [
    { name: 'name', label: 'Deal' },
    { name: 'stageId', label: 'Stage', options: stageOptions },
    { name: 'amount', label: 'Amount (USD)' },
    { name: 'closeDate', label: 'Expected close', hint: 'YYYY-MM-DD' },
    { name: 'accountId', label: 'Account', options: accounts },
    { name: 'contactId', label: 'Contact', options: contacts },
  ];
  // the editor compares text: the amount as the user types it
  const record = { ...opportunity, amount: opportunity.amount === null ? null : String(opportunity.amount) };
  return (
    <>
      <title>{`${opportunity.name} · MedSales`}</title>
      <PageHeader
        title={opportunity.name}
        titleTestId="opportunity-name"
        lead={[opportunity.stageName, formatAmount(opportunity.amount), opportunity.closeDate ? `closes ${formatDay(opportunity.closeDate)}` : null]
          .filter(Boolean)
          .join(' · ')}
      />
      <div className={styles.toolbar}>
        <ConfirmButton
          question={`Delete ${opportunity.name}? It can be restored for 30 days.`}
          confirmText="Yes, delete"
          pending={remove.isPending}
          pendingText="Deleting…"
          onConfirm={() => remove.mutate(opportunity.id, { onSuccess: () => void navigate(recentlyDeletedHref('opportunities')) })}
        >
          Delete
        </ConfirmButton>
      </div>
      {remove.isError ? <FormAlert>Could not delete: {getErrorMessage(remove.error)}</FormAlert> : null}
      <Panel title="Summary" testId="opportunity-summary">
        <PanelBody>
          <dl className={styles.summaryList}>
            <div>
              <dt>Stage</dt>
              <dd>
                {opportunity.stageName ?? '—'}
                {opportunity.probability !== null ? ` (${opportunity.probability}%)` : ''}
              </dd>
            </div>
            <div>
              <dt>Account</dt>
              <dd>
                {opportunity.accountId ? (
                  <Link to={accountHref(opportunity.accountId)}>{opportunity.accountName ?? 'The account'}</Link>
                ) : (
                  '—'
                )}
              </dd>
            </div>
            <div>
              <dt>Contact</dt>
              <dd>{opportunity.contactId ? <ContactLink id={opportunity.contactId} /> : '—'}</dd>
            </div>
            <div>
              <dt>Owner</dt>
              <dd>{opportunity.ownerName ?? '—'}</dd>
            </div>
          </dl>
        </PanelBody>
      </Panel>
      <RecordEditor
        key={opportunity.version}
        title="Deal details"
        record={record}
        fields={fields}
        saving={update.isPending}
        save={({ version, change }, callbacks) => update.mutate({ id: opportunity.id, version, change }, callbacks)}
        reload={reload}
        testId="opportunity-details"
      />
      <TasksPanel filters={{ opportunityId: opportunity.id, status: 'OPEN' }} title="Open tasks" newTask={{ opportunityId: opportunity.id }} />
    </>
  );
}
