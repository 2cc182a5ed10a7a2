/**
 * The `parley` command line as a developer uses it: validate flow files, chat with a flow in the
 * terminal, and move a flow in and out of a running server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, buildBundle, cleanUp, parley, repoRoot, startServer, tempDir } from './server';

const exampleFlows = fs
  .readdirSync(path.join(repoRoot, 'examples/bots'))
  .map((bot) => path.join('examples/bots', bot, 'flow.json'))
  .filter((file) => fs.existsSync(path.join(repoRoot, file)));
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, unknown>;

interface Edge {
  id: string;
  source: string;
  sourceHandle?: string;
  target: string;
}

let work: string;
beforeAll(() => {
  work = tempDir('cli');
});
afterAll(async () => {
  await cleanUp([work]);
});

describe('parley validate', () => {
  it('passes every example flow', async () => {
    expect(exampleFlows.length).toBeGreaterThanOrEqual(6);
    const results = await Promise.all(exampleFlows.map((file) => parley(['validate', file])));
    results.forEach((result, i) => {
      expect(result.stderr, exampleFlows[i]).toBe('');
      expect(result.code, `${exampleFlows[i]}\n${result.stdout}`).toBe(0);
      expect(result.stdout).not.toMatch(/^error/m);
    });
  }, 40_000);

  it('exits 1 and lists the problems of a broken flow', async () => {
    const flow = readJson('examples/bots/quiz-bench/flow.json') as { nodes: { id: string; type: string }[]; edges: Edge[] };
    const edges = flow.edges.map((edge) => (edge.id === 'e5' ? { ...edge, target: 'nowhere' } : edge));
    edges.push({ id: 'e-bad-port', source: 'skin', sourceHandle: 'sparkly', target: 'finish' });
    const nodes = [...flow.nodes, { id: 'start-2', type: 'start', position: { x: 0, y: 300 }, data: {} }];
    const file = path.join(work, 'broken.json');
    fs.writeFileSync(file, JSON.stringify({ ...flow, nodes, edges }));

    const result = await parley(['validate', file]);
    expect(result.code).toBe(1);
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('error'));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\[finish\].*"nowhere".*does not exist/),
        expect.stringMatching(/\[skin\].*no output "sparkly"/),
        expect.stringMatching(/\[start-2\].*2 Start nodes/),
      ]),
    );
    expect(result.stdout).toContain(`${file}: ${errors.length} error(s)`);
  }, 40_000);

  it('exits 1 with a clear message for a file that is not JSON, not a flow, or not there', async () => {
    const notJson = path.join(work, 'notes.json');
    fs.writeFileSync(notJson, 'nodes: [start, skin]\n');
    const notFlow = path.join(work, 'not-a-flow.json');
    fs.writeFileSync(notFlow, JSON.stringify({ schemaVersion: 1, hello: 'world' }));
    const [bad, wrong, missing] = await Promise.all([
      parley(['validate', notJson]),
      parley(['validate', notFlow]),
      parley(['validate', path.join(work, 'missing.json')]),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${notJson} is not valid JSON`);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`${notFlow} is not a Parley flow`);
    expect(wrong.stderr).toMatch(/nodes:/);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read');
  }, 40_000);
});

describe('parley chat with a flow file', () => {
  it('asks the questions and shows the three cards, driven through stdin', async () => {
    const result = await parley(['chat', 'examples/bots/quiz-bench/flow.json', '--products', 'examples/bots/quiz-bench/products.json'], {
      input: 'hi\ndry\nmatte\nunder 30\n/quit\n',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const flow = readJson('examples/bots/quiz-bench/flow.json') as { nodes: { id: string; data: { text?: string } }[] };
    const questions = ['skin', 'finish', 'budget', 'recommend'].map((id) => flow.nodes.find((node) => node.id === id)?.data.text ?? id);
    const at = questions.map((question) => result.stdout.indexOf(`bot> ${question}`));
    expect(at.every((i) => i >= 0), result.stdout).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const products = readJson('examples/bots/quiz-bench/products.json') as unknown as { title: string; price: number }[];
    const cards = result.stdout.split('\n').filter((line) => /\(\d\) /.test(line));
    expect(cards).toHaveLength(3);
    for (const card of cards) {
      const product = products.find((p) => card.includes(`${p.title} — $${p.price}`));
      expect(product, card).toBeDefined();
      expect(card).toContain('{Buy}');
    }
  }, 40_000);
});

describe('parley export / import against a running server', () => {
  const token = 'cli-test-admin-token-0123456789';
  let server: RunningServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    const bundle = await buildBundle();
    server = await startServer({ bundle, dataDir: path.join(work, 'data'), env: { PARLEY_ADMIN_TOKEN: token } });
    env = { PARLEY_URL: server.url, PARLEY_ADMIN_TOKEN: token };
  }, 40_000);

  it('round-trips a flow: export, edit, import, export again', async () => {
    const exported = await parley(['export', 'quiz-bench'], { env });
    expect(exported.code, exported.stdout + exported.stderr).toBe(0);
    const flow = JSON.parse(exported.stdout) as { id: string; nodes: { id: string; data: Record<string, unknown> }[] };
    expect(flow.id).toBe('quiz-bench');
    expect(flow).toMatchObject({ nodes: readJson('examples/bots/quiz-bench/flow.json').nodes as unknown[] });

    // The exported file is a valid flow file for the other commands too.
    const file = path.join(work, 'quiz-bench.parley.json');
    const skin = flow.nodes.find((node) => node.id === 'skin');
    if (skin) skin.data.text = 'Which skin type do you have?';
    fs.writeFileSync(file, JSON.stringify(flow, null, 2));
    const [validated, imported] = await Promise.all([parley(['validate', file]), parley(['import', file, '--bot', 'quiz-bench'], { env })]);
    expect(validated.code, validated.stdout).toBe(0);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ revision: expect.any(Number) });

    const [again, published] = await Promise.all([parley(['export', 'quiz-bench'], { env }), parley(['export', 'quiz-bench', '--version', '1'], { env })]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(flow);
    // The published version is untouched by an import (it replaces the draft only).
    expect(published.code).toBe(0);
    expect(JSON.stringify(JSON.parse(published.stdout))).not.toContain('Which skin type do you have?');
  }, 45_000);

  it('fails clearly without a token, with a wrong one, and for an unknown bot', async () => {
    const file = path.join(work, 'import-me.json');
    fs.writeFileSync(file, fs.readFileSync(path.join(repoRoot, 'examples/bots/quiz-bench/flow.json')));
    const [noToken, wrongToken, unknown, intoNowhere] = await Promise.all([
      parley(['export', 'quiz-bench'], { env: { PARLEY_URL: server.url } }),
      parley(['export', 'quiz-bench'], { env: { PARLEY_URL: server.url, PARLEY_ADMIN_TOKEN: `${token}-wrong` } }),
      parley(['export', 'no-such-bot'], { env }),
      parley(['import', file, '--bot', 'no-such-bot'], { env }),
    ]);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('PARLEY_ADMIN_TOKEN');
    expect(wrongToken.code).toBe(1);
    expect(wrongToken.stdout).toContain('unauthorized');
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('no-such-bot');
    expect(intoNowhere.code).toBe(1);
    expect(intoNowhere.stdout).toContain('no-such-bot');
  }, 40_000);

  it('chats with a published bot on the server (parley chat <botId>)', async () => {
    const result = await parley(['chat', 'quiz-bench'], { env, input: 'hi\n/tap dry\n/quit\n' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('bot> What is your skin type?');
    expect(result.stdout).toContain('bot> Which finish do you like?');
  }, 40_000);
});
