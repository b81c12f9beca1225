import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { Field, FormAlert, FormSuccess } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { Panel, PanelBody } from '@/components/ui/panel';
import { StatusBadge } from '@/components/ui/status-badge';
import { getErrorMessage } from '@/lib/api-client';

import { useImportContacts, usePreviewContactImport, type ImportPreview, type ImportRow } from '../api/contacts';
import styles from './crm.module.css';

/** The confidence 0..1 as a percentage. */
export function confidenceText(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
}

/** What the import does with each REVIEW row unless the user chooses: the best candidate. */
export function defaultDecisions(preview: ImportPreview): Record<string, string> {
  const decisions: Record<string, string> = {};
  for (const row of preview.rows) {
    if (row.status === 'REVIEW') decisions[String(row.line)] = row.match?.npi ?? row.candidates[0]?.npi ?? 'none';
  }
  return decisions;
}

function inputName(row: ImportRow): string {
  const input = row.input ?? {};
  const pick = (...keys: string[]) => keys.map((key) => input[key]).find(Boolean) ?? '';
  return [pick('first_name', 'firstName', 'First Name'), pick('last_name', 'lastName', 'Last Name')].filter(Boolean).join(' ') ||
    Object.values(input).filter(Boolean).slice(0, 3).join(' ');
}

const STATUS_LABELS: Record<string, string> = {
  MATCHED: 'Matched',
  REVIEW: 'Review',
  UNMATCHED: 'No match',
  DUPLICATE: 'Already a contact',
};

/**
 * A CSV of another CRM's contacts: previewed first (each row matched to an NPI by name, specialty
 * and ZIP, with a confidence), the uncertain rows decided by the user, then imported.
 */
export function ContactImport() {
  const [csv, setCsv] = useState('');
  const [decisions, setDecisions] = useState<Record<string, string>>({});
  const preview = usePreviewContactImport();
  const run = useImportContacts();

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setCsv(await file.text());
    preview.reset();
    run.reset();
  };

  return (
    <>
      <Panel title="1. The file" subtitle="Columns such as first_name, last_name, specialty, zip, email, phone, title, npi">
        <PanelBody>
          <Field label="CSV file">{(control) => <input {...control} type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} />}</Field>
          <Field label="Or paste the CSV">
            {(control) => (
              <textarea
                {...control}
                rows={6}
                value={csv}
                onChange={(event) => {
                  setCsv(event.target.value);
                  preview.reset();
                }}
              />
            )}
          </Field>
          <div className={formStyles.actions}>
            <Button
              disabled={!csv.trim() || preview.isPending}
              onClick={() =>
                preview.mutate(csv, { onSuccess: (data) => setDecisions(defaultDecisions(data)) })
              }
            >
              {preview.isPending ? 'Matching…' : 'Preview'}
            </Button>
          </div>
          {preview.isError ? <FormAlert>Could not read the file: {getErrorMessage(preview.error)}</FormAlert> : null}
        </PanelBody>
      </Panel>
      {preview.data ? (
        <Panel
          title="2. Review the matches"
          subtitle={`${preview.data.rowsRead} rows read · ${Object.entries(preview.data.counts ?? {})
            .map(([status, count]) => `${STATUS_LABELS[status] ?? status}: ${count}`)
            .join(' · ')}`}
          testId="import-preview"
        >
          <PanelBody>
            {preview.data.rejects.length ? (
              <FormAlert other={preview.data.rejects.map((reject) => `Line ${reject.line}: ${reject.reason}`)}>
                Rows that cannot be imported
              </FormAlert>
            ) : null}
            <DataTable caption="Rows of the file and their matches" testId="import-rows">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">In the file</th>
                  <th scope="col">Status</th>
                  <th scope="col">Confidence</th>
                  <th scope="col">Provider</th>
                </tr>
              </thead>
              <tbody>
                {preview.data.rows.map((row) => (
                  <tr key={row.line}>
                    <td>{row.line}</td>
                    <th scope="row">{inputName(row)}</th>
                    <td>
                      <StatusBadge status={row.status} label={STATUS_LABELS[row.status] ?? row.status} />
                    </td>
                    <td>{confidenceText(row.confidence)}</td>
                    <td>
                      {row.status === 'REVIEW' ? (
                        <select
                          className={styles.select}
                          aria-label={`Provider for line ${row.line}`}
                          value={decisions[String(row.line)] ?? 'none'}
                          onChange={(event) => setDecisions({ ...decisions, [String(row.line)]: event.target.value })}
                        >
                          {row.candidates.map((candidate) => (
                            <option key={candidate.npi} value={candidate.npi}>
                              {candidate.name} · {candidate.specialty ?? '—'} · {candidate.zip5 ?? '—'} (
                              {confidenceText(candidate.confidence)})
                            </option>
                          ))}
                          <option value="none">None of these: a plain contact</option>
                        </select>
                      ) : row.match ? (
                        `${row.match.name ?? ''} · NPI ${row.match.npi}`
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <div className={formStyles.actions}>
              <Button disabled={run.isPending} onClick={() => run.mutate({ csv, decisions })}>
                {run.isPending ? 'Importing…' : 'Import'}
              </Button>
            </div>
            {run.isError ? <FormAlert>Could not import: {getErrorMessage(run.error)}</FormAlert> : null}
            {run.data ? (
              <FormSuccess>
                {run.data.created} contacts created ({run.data.linked} linked to a provider, {run.data.plain} plain),{' '}
                {run.data.mergedIntoExisting} merged into existing contacts, {run.data.rejected} rejected.
              </FormSuccess>
            ) : null}
          </PanelBody>
        </Panel>
      ) : null}
    </>
  );
}
