import { describe, expect, it } from 'vitest';
import type { Flow } from './flow';
import { hasErrors, validateFlow } from './validate';
import { type E, type N, catalog, codes, flowOf, only } from './validate.fixtures';


describe('validateFlow: variables and loops', () => {
  describe('variables', () => {
    const readFlow = (text: string, extra: N[] = [], variables: Flow['variables'] = []) =>
      flowOf(
        [{ id: 'start', type: 'start' }, ...extra, { id: 'use', type: 'say', data: { label: 'Greeting', text } }],
        [...extra.map((node, i): E => [i === 0 ? 'start' : (extra[i - 1]?.id ?? ''), null, node.id]), [extra.at(-1)?.id ?? 'start', null, 'use']],
        variables,
      );

    it('reports a {{variable}} read but never set', () => {
      const problems = validateFlow(readFlow('Hi {{nickname}}, {{nickname}} again, and {{coupon.code}}'), catalog);
      expect(problems.map((p) => [p.code, p.nodeId])).toEqual([
        ['variable-never-set', 'use'],
        ['variable-never-set', 'use'],
      ]);
      expect(problems[0]?.message).toContain('{{nickname}}');
      expect(problems[0]?.message).toContain('"Greeting"');
      expect(problems[1]?.message).toContain('"coupon"');
    });

    it('reports a variable a node reads by name but nothing sets', () => {
      const flow = flowOf(
        [
          { id: 'start', type: 'start' },
          { id: 'check', type: 'if', data: { variable: 'vip' } },
        ],
        [['start', null, 'check']],
      );
      expect(validateFlow(flow, catalog)).toMatchObject([{ code: 'variable-never-set', nodeId: 'check' }]);
    });

    it('accepts a variable declared in the flow', () => {
      expect(validateFlow(readFlow('Hi {{nickname}}', [], [{ name: 'nickname', default: 'friend' }]), catalog)).toEqual([]);
    });

    it("accepts a variable set by a node's writes", () => {
      const ask: N = { id: 'ask', type: 'ask', data: { text: 'Name?', saveAs: 'nickname' } };
      expect(validateFlow(readFlow('Hi {{nickname}}', [ask]), catalog)).toEqual([]);
      const set: N = { id: 'set', type: 'set', data: { mappings: [{ variable: 'coupon', value: 'X' }] } };
      expect(validateFlow(readFlow('Code {{coupon.code}}', [set]), catalog)).toEqual([]);
    });

    it('accepts system variables such as contact.name', () => {
      expect(validateFlow(readFlow('Hi {{contact.name}} on {{channel.type}} ({{conversation.id}})'), catalog)).toEqual([]);
    });

    it("accepts a node's own local names, but only in that node", () => {
      const card: N = { id: 'card', type: 'card', data: { title: '{{product.title}}' } };
      expect(validateFlow(readFlow('Done', [card]), catalog)).toEqual([]);
      const ask: N = { id: 'ask', type: 'ask', data: { text: 'Pick one of {{options}}' } };
      expect(validateFlow(readFlow('Done', [ask]), catalog)).toEqual([]);
      expect(validateFlow(readFlow('You liked {{product.title}}', [card]), catalog)).toMatchObject([{ code: 'variable-never-set', nodeId: 'use' }]);
    });
  });

  describe('loops that never wait', () => {
    it('reports A → B → A of nodes that never wait', () => {
      const flow = flowOf(
        [
          { id: 'start', type: 'start' },
          { id: 'a', type: 'say', data: { label: 'Ping', text: 'ping' } },
          { id: 'b', type: 'say', data: { label: 'Pong', text: 'pong' } },
        ],
        [
          ['start', null, 'a'],
          ['a', null, 'b'],
          ['b', null, 'a'],
        ],
      );
      const problems = validateFlow(flow, catalog);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ severity: 'error', code: 'loop-without-wait', nodeId: 'a' });
      expect(problems[0]?.message).toContain('"Ping"');
      expect(problems[0]?.message).toContain('"Pong"');
    });

    it('accepts a loop with a node that waits for the customer inside', () => {
      const flow = flowOf(
        [
          { id: 'start', type: 'start' },
          { id: 'a', type: 'say', data: { text: 'ping' } },
          { id: 'ask', type: 'ask', data: { text: 'Again?', buttons: [{ id: 'yes', title: 'Yes' }] } },
          { id: 'bye', type: 'end' },
        ],
        [
          ['start', null, 'a'],
          ['a', null, 'ask'],
          ['ask', 'yes', 'a'],
          ['ask', 'fallback', 'bye'],
        ],
      );
      expect(validateFlow(flow, catalog)).toEqual([]);
    });

    it("follows a node's own waiting switch, default included", () => {
      const loop = (data: Record<string, unknown>) =>
        flowOf(
          [
            { id: 'start', type: 'start' },
            { id: 'a', type: 'say', data: { text: 'a' } },
            { id: 'w', type: 'maybeWait', data },
          ],
          [
            ['start', null, 'a'],
            ['a', null, 'w'],
            ['w', null, 'a'],
          ],
        );
      expect(validateFlow(loop({ waitForReply: true }), catalog)).toEqual([]);
      expect(validateFlow(loop({}), catalog)).toEqual([]);
      expect(codes(validateFlow(loop({ waitForReply: false }), catalog))).toEqual(['loop-without-wait']);
    });

    it('reports a node connected to itself', () => {
      const flow = flowOf(
        [
          { id: 'start', type: 'start' },
          { id: 'a', type: 'say', data: { text: 'again' } },
        ],
        [
          ['start', null, 'a'],
          ['a', null, 'a'],
        ],
      );
      expect(validateFlow(flow, catalog)).toMatchObject([{ code: 'loop-without-wait', nodeId: 'a' }]);
    });

    it('reports a loop closed by a go-to link', () => {
      const flow = flowOf(
        [
          { id: 'start', type: 'start' },
          { id: 'a', type: 'say', data: { text: 'again' } },
          { id: 'jump', type: 'goto', data: { target: 'a' } },
        ],
        [
          ['start', null, 'a'],
          ['a', null, 'jump'],
        ],
      );
      const problems = validateFlow(flow, catalog);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.code).toBe('loop-without-wait');
      expect(problems[0]?.message).toContain('Go to (jump)');
    });

    it('reports a go-to node that jumps to itself', () => {
      const flow = flowOf(
        [
          { id: 'start', type: 'start' },
          { id: 'jump', type: 'goto', data: { target: 'jump' } },
        ],
        [['start', null, 'jump']],
      );
      expect(validateFlow(flow, catalog)).toMatchObject([{ code: 'loop-without-wait', nodeId: 'jump' }]);
    });

    it('reports two separate loops separately', () => {
      const flow = flowOf(
        [
          { id: 'start', type: 'start' },
          { id: 'a', type: 'say', data: { text: 'a' } },
          { id: 'b', type: 'say', data: { text: 'b' } },
          { id: 'c', type: 'if', data: { variable: 'contact.vip' } },
          { id: 'd', type: 'say', data: { text: 'd' } },
        ],
        [
          ['start', null, 'a'],
          ['a', null, 'b'],
          ['b', null, 'a'],
          ['start', null, 'c'],
          ['c', 'yes', 'd'],
          ['d', null, 'c'],
        ],
      );
      const loops = only(validateFlow(flow, catalog), 'loop-without-wait');
      expect(loops.map((p) => p.nodeId).sort()).toEqual(['a', 'c']);
    });
  });
});

describe('hasErrors', () => {
  it('is true only when some problem is an error', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([{ severity: 'warning', code: 'unreachable-node', message: 'w' }])).toBe(false);
    expect(
      hasErrors([
        { severity: 'warning', code: 'unreachable-node', message: 'w' },
        { severity: 'error', code: 'no-start', message: 'e' },
      ]),
    ).toBe(true);
  });
});
