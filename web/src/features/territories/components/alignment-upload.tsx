import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import tableStyles from '@/components/ui/data-table.module.css';
import { Field, FormAlert, FormSuccess } from '@/components/ui/form';
import formStyles from '@/components/ui/form.module.css';
import { Panel, PanelBody } from '@/components/ui/panel';
import { getErrorMessage } from '@/lib/api-client';

import { useApplyAlignment, usePreviewAlignment, type AlignmentMode } from '../api/territories';
import { AlignmentPreviewMap } from './alignment-preview-map';
import styles from './territories.module.css';

const right = `${tableStyles.numeric} ${tableStyles.alignRight}`;

/**
 * A ZIP-to-territory CSV (columns zip, territory; or county and state, or county_fips, for whole counties): previewed
 * (moved ZIPs and counties, providers gained and lost), then applied.
 */
export function AlignmentUpload() {
  const [csv, setCsv] = useState('');
  const [mode, setMode] = useState<AlignmentMode>('merge');
  const preview = usePreviewAlignment();
  const apply = useApplyAlignment();
  // county figures only where counties are aligned before or after: a ZIP-only tenant sees the ZIP columns alone
  const counties = preview.data?.perTerritory.some((row) => row.countiesBefore || row.countiesAfter) ?? false;
  const changed = () => {
    preview.reset();
    apply.reset();
  };

  return (
    <Panel title="Alignment upload" subtitle="A CSV of zip (or county and state) and territory" testId="alignment">
      <PanelBody>
        <Field label="Alignment file">
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,text/csv"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (file) setCsv(await file.text());
                changed();
              }}
            />
          )}
        </Field>
        <fieldset className={formStyles.checkboxes}>
          <legend className={formStyles.label}>How to apply it</legend>
          <label className={formStyles.checkbox}>
            <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => (setMode('merge'), changed())} />
            Merge: move and add the listed ZIPs, keep the others
          </label>
          <label className={formStyles.checkbox}>
            <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => (setMode('replace'), changed())} />
            Replace: the file is the whole alignment
          </label>
        </fieldset>
        <div className={formStyles.actions}>
          <Button disabled={!csv.trim() || preview.isPending} onClick={() => preview.mutate({ csv, mode })}>
            {preview.isPending ? 'Checking…' : 'Preview'}
          </Button>
        </div>
        {preview.isError ? <FormAlert>Could not read the file: {getErrorMessage(preview.error)}</FormAlert> : null}
        {preview.data ? (
          <div data-testid="alignment-preview">
            <p>
              {preview.data.rowsRead} rows read · {preview.data.zipsAdded} ZIPs added · {preview.data.zipsMoved.length}{' '}
              moved · {preview.data.zipsUnassigned.length} left without a territory ·{' '}
              {preview.data.territoriesCreated.length} new territories
              {preview.data.territoriesCreated.length ? ` (${preview.data.territoriesCreated.join(', ')})` : ''}
            </p>
            {counties ? (
              <p>
                {preview.data.countiesAdded} counties added · {preview.data.countiesMoved.length} moved ·{' '}
                {preview.data.countiesUnassigned.length} left without a territory
                {preview.data.countiesUnassigned.length
                  ? ` (${preview.data.countiesUnassigned.map((c) => `${c.name}, ${c.state}`).join('; ')})`
                  : ''}
              </p>
            ) : null}
            {preview.data.warnings.length ? (
              <ul className={styles.muted}>
                {preview.data.warnings.map((w, index) => (
                  <li key={index}>{`Line ${w.line ?? '?'}: ${w.reason ?? ''}`}</li>
                ))}
              </ul>
            ) : null}
            {preview.data.rejects.length ? (
              <FormAlert other={preview.data.rejects.map((r) => `Line ${r.line ?? '?'}: ${r.reason ?? 'rejected'}`)}>
                Rows left out
              </FormAlert>
            ) : null}
            <DataTable caption="Effect on each territory" testId="alignment-territories">
              <thead>
                <tr>
                  <th scope="col">Territory</th>
                  <th scope="col" className={tableStyles.alignRight}>ZIPs before</th>
                  <th scope="col" className={tableStyles.alignRight}>ZIPs after</th>
                  <th scope="col" className={tableStyles.alignRight}>Providers gained</th>
                  <th scope="col" className={tableStyles.alignRight}>Providers lost</th>
                  {counties ? (
                    <>
                      <th scope="col" className={tableStyles.alignRight}>Counties before</th>
                      <th scope="col" className={tableStyles.alignRight}>Counties after</th>
                      <th scope="col" className={tableStyles.alignRight}>ZIPs by county before</th>
                      <th scope="col" className={tableStyles.alignRight}>ZIPs by county after</th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {preview.data.perTerritory.map((row) => (
                  <tr key={row.territory}>
                    <th scope="row">{row.territory}</th>
                    <td className={right}>{row.zipsBefore}</td>
                    <td className={right}>{row.zipsAfter}</td>
                    <td className={right}>{row.providersGained}</td>
                    <td className={right}>{row.providersLost}</td>
                    {counties ? (
                      <>
                        <td className={right}>{row.countiesBefore}</td>
                        <td className={right}>{row.countiesAfter}</td>
                        <td className={right}>{row.countyZipsBefore}</td>
                        <td className={right}>{row.countyZipsAfter}</td>
                      </>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </DataTable>
            {preview.data.zipsMoved.length ? (
              <MovesTable
                caption="ZIPs that move"
                testId="alignment-moved"
                what="ZIP"
                moves={preview.data.zipsMoved.map((move) => ({ key: move.zip5, name: move.zip5, ...move }))}
              />
            ) : (
              <p className={styles.muted}>No ZIP changes territory.</p>
            )}
            {preview.data.countiesMoved.length ? (
              <MovesTable
                caption="Counties that move"
                testId="alignment-counties-moved"
                what="County"
                moves={preview.data.countiesMoved.map((move) => ({ key: move.geoid, name: `${move.county}, ${move.state}`, ...move }))}
              />
            ) : null}
            <AlignmentPreviewMap preview={preview.data} />
            <div className={formStyles.actions}>
              <Button
                disabled={apply.isPending}
                onClick={() => apply.mutate({ csv, mode })}
              >
                {apply.isPending ? 'Applying…' : 'Apply'}
              </Button>
            </div>
            {apply.isError ? <FormAlert>Could not apply it: {getErrorMessage(apply.error)}</FormAlert> : null}
            {apply.isSuccess ? <FormSuccess>The alignment is applied.</FormSuccess> : null}
          </div>
        ) : null}
      </PanelBody>
    </Panel>
  );
}

/** What moves from one territory to another, a row each. */
function MovesTable({
  caption,
  testId,
  what,
  moves,
}: {
  caption: string;
  testId: string;
  what: string;
  moves: { key: string; name: string; from: string | null; to: string | null }[];
}) {
  return (
    <DataTable caption={caption} testId={testId}>
      <thead>
        <tr>
          <th scope="col">{what}</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
        </tr>
      </thead>
      <tbody>
        {moves.map((move) => (
          <tr key={move.key}>
            <th scope="row">{move.name}</th>
            <td>{move.from ?? '—'}</td>
            <td>{move.to ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
