import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import tableStyles from '@/components/ui/data-table.module.css';
import { DataTable } from '@/components/ui/data-table';
import { Field } from '@/components/ui/form';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths, providerHref } from '@/config/paths';
import { formatCount, formatPercent } from '@/lib/format';

import {
  useBasketDeciles,
  useBasketSummary,
  useBaskets,
  useDeleteBasket,
  useScopeTerritories,
  type Basket,
  type Mover,
  type Scope,
  type Summary,
} from '../api/baskets';
import { BasketEditor } from './basket-editor';
import styles from './segments.module.css';

const right = `${tableStyles.numeric} ${tableStyles.alignRight}`;
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The provider search restricted to deciles 8 to 10 of a basket, its largest first. */
export function topDecilesSearchHref(basketId: string): string {
  return `${paths.providers}?${new URLSearchParams({ basket: basketId, minDecile: '8', sort: 'basketVolume' }).toString()}`;
}

/** Providers and volume per decile, 10 first, as bars. */
export function DecileChart({ summary }: { summary: Summary }) {
  const maxProviders = Math.max(1, ...summary.deciles.map((d) => d.providers));
  const maxVolume = Math.max(1, ...summary.deciles.map((d) => d.volume));
  return (
    <div className={styles.chart} role="table" aria-label="Providers and volume per decile" data-testid="decile-chart">
      <div role="row" style={{ display: 'contents' }}>
        <span role="columnheader">Decile</span>
        <span role="columnheader">Providers</span>
        <span role="columnheader">Volume</span>
      </div>
      {summary.deciles.map((d) => (
        <div role="row" key={d.decile} style={{ display: 'contents' }} data-testid={`decile-${d.decile}`}>
          <span role="rowheader">{d.decile}</span>
          <span role="cell" title={`${formatCount(d.providers)} providers`}>
            <div className={styles.bar} style={{ width: `${(100 * d.providers) / maxProviders}%` }} />
            <span className={styles.muted}>{formatCount(d.providers)}</span>
          </span>
          <span role="cell" title={number.format(d.volume)}>
            <div className={styles.volumeBar} style={{ width: `${(100 * d.volume) / maxVolume}%` }} />
            <span className={styles.muted}>{number.format(d.volume)}</span>
          </span>
        </div>
      ))}
    </div>
  );
}

function MoverList({ title, movers, count, testId }: { title: string; movers: readonly Mover[]; count: number; testId: string }) {
  return (
    <div data-testid={testId}>
      <h3>
        {title} ({formatCount(count)})
      </h3>
      {movers.length === 0 ? (
        <p className={styles.muted}>None.</p>
      ) : (
        <ul>
          {movers.map((m) => (
            <li key={m.npi}>
              <Link to={providerHref(m.npi)}>{m.name ?? `NPI ${m.npi}`}</Link>{' '}
              <span className={styles.muted}>
                decile {m.previousDecile} → {m.decile}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function BasketView({
  basket,
  canEdit,
  onEdit,
  listActions,
}: {
  basket: Basket;
  canEdit: boolean;
  onEdit: () => void;
  listActions?: (params: DecileListParams) => ReactNode;
}) {
  const [state, setState] = useState('');
  const [territoryId, setTerritoryId] = useState('');
  const [year, setYear] = useState('');
  const [minDecile, setMinDecile] = useState(1);
  const scope: Scope = {
    year: year || undefined,
    state: state.trim().length === 2 ? state.trim().toUpperCase() : undefined,
    territoryId: territoryId || undefined,
  };
  const summary = useBasketSummary(basket.id, scope, basket.computedAt);
  const deciles = useBasketDeciles(basket.id, scope, minDecile, basket.computedAt);
  const territories = useScopeTerritories();
  const remove = useDeleteBasket();

  return (
    <>
      <Panel
        title={basket.name}
        subtitle={`${basket.source === 'PARTB' ? 'Part B' : 'Part D'} · ${basket.metric.toLowerCase()} · ${basket.items
          .map((item) => `${item.code}${item.role === 'OWN' ? ' (ours)' : ''}`)
          .join(', ')}`}
        actions={
          <>
            <StatusBadge status={basket.status} label={basket.status === 'FRESH' ? 'Fresh' : 'Recomputing…'} />
            <Link to={topDecilesSearchHref(basket.id)} data-testid="top-deciles-search">
              Search deciles 8–10
            </Link>
            {canEdit ? (
              <>
                <Button variant="secondary" size="small" onClick={onEdit}>
                  Edit
                </Button>
                <ConfirmButton
                  label={`Delete basket ${basket.name}`}
                  question={`Delete ${basket.name}?`}
                  confirmText="Yes, delete"
                  pending={remove.isPending}
                  onConfirm={() => remove.mutate(basket.id)}
                >
                  Delete
                </ConfirmButton>
              </>
            ) : null}
          </>
        }
        testId="basket-view"
      >
        <PanelBody>
          <div className={styles.row}>
            <Field label="Year">
              {(control) => (
                <select {...control} value={year} onChange={(event) => setYear(event.target.value)}>
                  <option value="">Latest</option>
                  {[...basket.years].reverse().map((y) => (
                    <option key={y.year} value={String(y.year)}>
                      {y.year}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="State">
              {(control) => (
                <input
                  {...control}
                  value={state}
                  maxLength={2}
                  size={4}
                  placeholder="All"
                  onChange={(event) => {
                    setState(event.target.value);
                    if (event.target.value) setTerritoryId('');
                  }}
                />
              )}
            </Field>
            <Field label="Territory">
              {(control) => (
                <select
                  {...control}
                  value={territoryId}
                  onChange={(event) => {
                    setTerritoryId(event.target.value);
                    if (event.target.value) setState('');
                  }}
                >
                  <option value="">All</option>
                  {(territories.data ?? []).map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Deciles">
              {(control) => (
                <select {...control} value={minDecile} onChange={(event) => setMinDecile(Number(event.target.value))}>
                  <option value={1}>All</option>
                  <option value={8}>8 to 10</option>
                  <option value={10}>10 only</option>
                </select>
              )}
            </Field>
          </div>
          {listActions ? listActions({ basketId: basket.id, ...scope, minDecile }) : null}
          <QueryState query={summary} loadingLabel="Loading the deciles…" errorTitle="Could not load the deciles" onRetry={() => void summary.refetch()}>
            {(s) =>
              s.providers === 0 ? (
                <PanelEmpty title="No providers yet">
                  {basket.status === 'BUILDING' ? 'The basket is being computed.' : 'No provider has volume in this basket in this scope.'}
                </PanelEmpty>
              ) : (
                <div className={styles.columns}>
                  <div>
                    <h3>
                      {formatCount(s.providers)} providers in {s.year ?? ''}
                    </h3>
                    <DecileChart summary={s} />
                  </div>
                  <div>
                    <p className={styles.muted}>
                      {s.comparedWithYear ? `Movers since the computation of ${s.comparedWithYear}` : 'No earlier computation to compare with.'}
                    </p>
                    <MoverList title="Entered deciles 8–10" movers={s.entered} count={s.enteredCount} testId="movers-entered" />
                    <MoverList title="Left deciles 8–10" movers={s.left} count={s.leftCount} testId="movers-left" />
                  </div>
                </div>
              )
            }
          </QueryState>
        </PanelBody>
      </Panel>
      <Panel title="Providers" subtitle={deciles.data ? `${formatCount(deciles.data.total)} in this scope, largest first` : undefined} busy={deciles.isFetching}>
        <PanelBody>
          <QueryState query={deciles} loadingLabel="Loading providers…" errorTitle="Could not load the providers" onRetry={() => void deciles.refetch()}>
            {(page) =>
              page.items.length === 0 ? (
                <PanelEmpty title="No providers">Nobody in this scope has volume in the basket.</PanelEmpty>
              ) : (
                <DataTable caption="Providers by volume in the basket" testId="segment-providers">
                  <thead>
                    <tr>
                      <th scope="col">Provider</th>
                      <th scope="col">Specialty</th>
                      <th scope="col">Location</th>
                      <th scope="col" className={tableStyles.alignRight}>Volume</th>
                      <th scope="col" className={tableStyles.alignRight}>Ours</th>
                      <th scope="col" className={tableStyles.alignRight}>Decile</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((row) => (
                      <tr key={row.npi}>
                        <td>
                          <Link to={providerHref(row.npi)}>{row.name ?? `NPI ${row.npi}`}</Link>
                        </td>
                        <td>{row.primarySpecialty?.name ?? row.primarySpecialty?.code ?? '—'}</td>
                        <td>{[row.address?.city, row.address?.state].filter(Boolean).join(', ') || '—'}</td>
                        <td className={right}>
                          {number.format(row.volume)}
                          {row.suppressedCells > 0 ? <span className={styles.muted} title="cells CMS suppressed, counted as 0"> *</span> : null}
                        </td>
                        <td className={right}>{formatPercent(row.ownShare * 100)}</td>
                        <td className={right}>{row.decile}</td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
              )
            }
          </QueryState>
        </PanelBody>
      </Panel>
    </>
  );
}

/** The parameters of the chosen basket's providers table, as `GET /api/v1/baskets/{id}/deciles` takes them. */
export type DecileListParams = { basketId: string; year?: string; state?: string; territoryId?: string; minDecile: number };

/**
 * The Segments page: my tenant's baskets, one chosen with its deciles, providers and movers, and the basket editor.
 * `listActions` renders actions on the providers table as filtered (the route adds the export).
 */
export function Segments({ canEdit, listActions }: { canEdit: boolean; listActions?: (params: DecileListParams) => ReactNode }) {
  const baskets = useBaskets();
  const [chosen, setChosen] = useState<string | undefined>();
  const [editing, setEditing] = useState<'new' | string | undefined>();
  const list = baskets.data ?? [];
  const current = list.find((b) => b.id === chosen) ?? list[0];
  const editedBasket = editing && editing !== 'new' ? list.find((b) => b.id === editing) : undefined;

  return (
    <>
      <Panel
        title="Market baskets"
        subtitle="Each provider's volume in your products and your competitors', and their decile"
        actions={
          canEdit ? (
            <Button size="small" onClick={() => setEditing('new')}>
              New basket
            </Button>
          ) : undefined
        }
      >
        <PanelBody>
          <QueryState query={baskets} loadingLabel="Loading baskets…" errorTitle="Could not load the baskets" onRetry={() => void baskets.refetch()}>
            {(rows) =>
              rows.length === 0 ? (
                <PanelEmpty title="No baskets yet">Create one from the drugs or procedures that matter to you.</PanelEmpty>
              ) : (
                <div className={styles.row} role="tablist" aria-label="Baskets">
                  {rows.map((b) => (
                    <Button
                      key={b.id}
                      role="tab"
                      aria-selected={b.id === current?.id}
                      variant={b.id === current?.id ? 'primary' : 'secondary'}
                      size="small"
                      onClick={() => setChosen(b.id)}
                    >
                      {b.name}
                    </Button>
                  ))}
                </div>
              )
            }
          </QueryState>
        </PanelBody>
      </Panel>
      {editing ? (
        <Panel title={editedBasket ? `Edit ${editedBasket.name}` : 'New basket'}>
          <PanelBody>
            <BasketEditor
              key={editing}
              basket={editedBasket}
              onSaved={(saved) => {
                setChosen(saved.id);
                setEditing(undefined);
              }}
            />
          </PanelBody>
        </Panel>
      ) : null}
      {current ? (
        <BasketView key={current.id} basket={current} canEdit={canEdit} onEdit={() => setEditing(current.id)} listActions={listActions} />
      ) : null}
    </>
  );
}
