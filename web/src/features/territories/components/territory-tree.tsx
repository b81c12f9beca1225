import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';

import { buildTree, useTerritories, type TerritoryNode } from '../api/territories';
import styles from './territories.module.css';

/** Regions, districts and territories with their ZIP counts, states and who is assigned. */
export function TerritoryTree() {
  const territories = useTerritories();
  return (
    <Panel title="Territories" testId="territory-tree">
      <PanelBody>
        <QueryState
          query={territories}
          loadingLabel="Loading territories…"
          errorTitle="Could not load the territories"
          onRetry={() => void territories.refetch()}
        >
          {(list) =>
            list.length ? (
              <ul className={styles.tree} aria-label="Territory tree">
                {buildTree(list).map((node) => (
                  <Node key={node.id} node={node} />
                ))}
              </ul>
            ) : (
              <PanelEmpty title="No territories yet">
                <p>Upload an alignment file to create them.</p>
              </PanelEmpty>
            )
          }
        </QueryState>
      </PanelBody>
    </Panel>
  );
}

function Node({ node }: { node: TerritoryNode }) {
  const who = node.assignments.map((a) => `${a.displayName ?? a.userId}${a.kind ? ` (${a.kind.toLowerCase()})` : ''}`);
  return (
    <li className={styles.node}>
      <span className={styles.level}>{node.level.toLowerCase()}</span>
      <strong>{node.name}</strong>
      {node.code ? ` · ${node.code}` : ''}
      <span className={styles.muted}>
        {' '}
        · {node.zipCount} ZIPs{node.states.length ? ` in ${node.states.join(', ')}` : ''}
        {who.length ? ` · ${who.join(', ')}` : ' · nobody assigned'}
      </span>
      {node.children.length ? (
        <ul>
          {node.children.map((child) => (
            <Node key={child.id} node={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
