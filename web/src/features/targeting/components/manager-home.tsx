import { Link } from 'react-router';

import { DataTable } from '@/components/ui/data-table';
import tableStyles from '@/components/ui/data-table.module.css';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { targetListHref } from '@/config/paths';
import { formatCount } from '@/lib/format';

import { useManagerHome } from '../api/home';
import { AttainmentBar } from './attainment-bar';

const right = `${tableStyles.numeric} ${tableStyles.alignRight}`;

/**
 * A manager's first page: reach and frequency of each rep's current list, overdue tasks per rep, and
 * (once market-basket segments exist) the coverage of each basket's top deciles.
 */
export function ManagerHome() {
  const home = useManagerHome();
  return (
    <QueryState query={home} loadingLabel="Loading your team…" errorTitle="Could not load your team's page" onRetry={() => void home.refetch()}>
      {(data) => (
        <>
          <Panel title="Reach and frequency" subtitle="The team's lists of the current period" testId="home-reach">
            <PanelBody>
              {data.reach.length === 0 ? (
                <PanelEmpty title="No current lists">
                  <p>No list of your team covers today.</p>
                </PanelEmpty>
              ) : (
                <DataTable caption="Reach and frequency per rep">
                  <thead>
                    <tr>
                      <th scope="col">Rep</th>
                      <th scope="col">List</th>
                      <th scope="col" className={tableStyles.alignRight}>Targets</th>
                      <th scope="col">Reach</th>
                      <th scope="col" className={tableStyles.alignRight}>Calls</th>
                      <th scope="col" className={tableStyles.alignRight}>Frequency</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.reach.map((row) => (
                      <tr key={row.listId}>
                        <td>{row.ownerName}</td>
                        <td>
                          <Link to={targetListHref(row.listId)}>{row.listName}</Link>
                        </td>
                        <td className={right}>{formatCount(row.targets)}</td>
                        <td>
                          <AttainmentBar value={row.targets ? row.reached / row.targets : null} label={`Reach of ${row.listName}`} />
                        </td>
                        <td className={right}>{formatCount(row.calls)}</td>
                        <td className={right}>{row.frequency}</td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
              )}
            </PanelBody>
          </Panel>
          {data.decileCoverage && data.decileCoverage.length > 0 ? (
            <Panel title="Coverage of deciles 8-10" subtitle="Each basket's top-decile providers the team called this quarter" testId="home-deciles">
              <PanelBody>
                <DataTable caption="Decile coverage by basket">
                  <thead>
                    <tr>
                      <th scope="col">Basket</th>
                      <th scope="col" className={tableStyles.alignRight}>Top-decile providers</th>
                      <th scope="col" className={tableStyles.alignRight}>Called</th>
                      <th scope="col">Coverage</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.decileCoverage.map((row) => (
                      <tr key={row.basket}>
                        <td>{row.basket}</td>
                        <td className={right}>{formatCount(row.topDecileProviders)}</td>
                        <td className={right}>{formatCount(row.called)}</td>
                        <td>
                          <AttainmentBar value={row.percent / 100} label={`Coverage of ${row.basket}`} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
              </PanelBody>
            </Panel>
          ) : null}
          <Panel title="Overdue tasks per rep" testId="home-overdue">
            <PanelBody>
              <DataTable caption="Overdue and due tasks per rep">
                <thead>
                  <tr>
                    <th scope="col">Rep</th>
                    <th scope="col" className={tableStyles.alignRight}>Overdue</th>
                    <th scope="col" className={tableStyles.alignRight}>Due today</th>
                  </tr>
                </thead>
                <tbody>
                  {data.tasks.map((row) => (
                    <tr key={row.userId}>
                      <td>{row.name}</td>
                      <td className={right}>{formatCount(row.overdue)}</td>
                      <td className={right}>{formatCount(row.dueToday)}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            </PanelBody>
          </Panel>
        </>
      )}
    </QueryState>
  );
}
