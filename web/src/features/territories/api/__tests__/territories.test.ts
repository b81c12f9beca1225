import { describe, expect, it } from 'vitest';

import { buildTree, territorySchema } from '../territories';

const territory = (id: string, name: string, level: string, parentId: string | null = null) =>
  territorySchema.parse({ id, name, level, parentId, zipCount: 0, states: [], assignments: [], version: 0 });

describe('buildTree', () => {
  it('nests districts under regions and territories under districts, sorted by name', () => {
    const tree = buildTree([
      territory('t2', 'Queens', 'TERRITORY', 'd1'),
      territory('d1', 'NYC', 'DISTRICT', 'r1'),
      territory('r1', 'East', 'REGION'),
      territory('t1', 'Manhattan', 'TERRITORY', 'd1'),
      territory('r0', 'Central', 'REGION'),
    ]);
    expect(tree.map((node) => node.name)).toEqual(['Central', 'East']);
    expect(tree[1]!.children[0]!.children.map((node) => node.name)).toEqual(['Manhattan', 'Queens']);
  });

  it('keeps a node whose parent is missing at the top rather than losing it', () => {
    expect(buildTree([territory('t1', 'Orphan', 'TERRITORY', 'gone')]).map((node) => node.name)).toEqual(['Orphan']);
  });
});
