import { describe, expect, it } from 'vitest';
import { cyclicComponents, reachableFrom } from './graph';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));
const sorted = (components: string[][]) => components.map((c) => [...c].sort()).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));

function chain(length: number, closed: boolean) {
  const ids = Array.from({ length }, (_, i) => `n${i}`);
  const adjacency = new Map<string, string[]>();
  ids.forEach((id, i) => adjacency.set(id, i + 1 < length ? [`n${i + 1}`] : closed ? ['n0'] : []));
  return { ids, adjacency };
}

describe('reachableFrom', () => {
  it('finds every node a path leads to, and only those', () => {
    const adjacency = graph({ a: ['b', 'c'], b: ['d'], c: ['d', 'a'], d: [], e: ['a'], f: [] });
    expect([...reachableFrom('a', adjacency)].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...reachableFrom('d', adjacency)]).toEqual(['d']);
    expect([...reachableFrom('e', adjacency)].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('includes the start even when it has no entry, and follows ids missing from the map', () => {
    expect([...reachableFrom('x', graph({}))]).toEqual(['x']);
    expect([...reachableFrom('a', graph({ a: ['ghost'] }))].sort()).toEqual(['a', 'ghost']);
  });

  it('walks a 20,000-node chain without overflowing the stack', () => {
    const { adjacency } = chain(20_000, false);
    const reached = reachableFrom('n0', adjacency);
    expect(reached.size).toBe(20_000);
    expect(reached.has('n19999')).toBe(true);
    expect(reachableFrom('n19999', adjacency).size).toBe(1);
  });
});

describe('cyclicComponents', () => {
  it('finds nothing in a graph without cycles', () => {
    expect(cyclicComponents(['a', 'b', 'c', 'd'], graph({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
  });

  it('finds a two-node cycle, in path order', () => {
    expect(cyclicComponents(['s', 'a', 'b'], graph({ s: ['a'], a: ['b'], b: ['a'] }))).toEqual([['a', 'b']]);
  });

  it('finds a self-loop, but not a lone node', () => {
    expect(cyclicComponents(['a', 'b'], graph({ a: ['a'], b: [] }))).toEqual([['a']]);
  });

  it('finds two separate cycles as two components', () => {
    const adjacency = graph({ s: ['a'], a: ['b'], b: ['a', 'c'], c: ['d'], d: ['e'], e: ['c', 'f'], f: [] });
    expect(sorted(cyclicComponents(['s', 'a', 'b', 'c', 'd', 'e', 'f'], adjacency))).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
  });

  it('merges cycles that share nodes into one component', () => {
    const adjacency = graph({ a: ['b'], b: ['a', 'c'], c: ['b'] });
    expect(sorted(cyclicComponents(['a', 'b', 'c'], adjacency))).toEqual([['a', 'b', 'c']]);
  });

  it('finds a cycle whichever node the walk starts from', () => {
    const adjacency = graph({ a: ['b'], b: ['c'], c: ['a'], x: ['a'] });
    for (const order of [['a', 'b', 'c', 'x'], ['c', 'x', 'b', 'a'], ['x', 'a', 'b', 'c']])
      expect(sorted(cyclicComponents(order, adjacency))).toEqual([['a', 'b', 'c']]);
  });

  it('handles a 20,000-node chain without overflowing the stack', () => {
    const open = chain(20_000, false);
    expect(cyclicComponents(open.ids, open.adjacency)).toEqual([]);
    const closed = chain(20_000, true);
    const components = cyclicComponents(closed.ids, closed.adjacency);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(20_000);
    expect(components[0]?.[0]).toBe('n0');
    expect(components[0]?.[19_999]).toBe('n19999');
  });
});
