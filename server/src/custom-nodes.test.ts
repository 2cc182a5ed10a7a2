import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FLOW_SCHEMA_VERSION } from '@parley/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { createBot, publishBot } from './bots/service';
import { loadCustomNodeTypes } from './custom-nodes';
import { testParley } from './testing';

const exampleModule = path.resolve(import.meta.dirname, '../../examples/custom-nodes/index.ts');

const flow = {
  schemaVersion: FLOW_SCHEMA_VERSION,
  variables: [{ name: 'country', default: 'FR' }],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'where', type: 'ask', position: { x: 250, y: 0 }, data: { text: 'Your postcode?', variable: 'postcode' } },
    {
      id: 'ship',
      type: 'shipping-estimate',
      position: { x: 500, y: 0 },
      data: { homeCountry: 'FR', carriers: [{ name: 'La Poste', zone: 'domestic', minDays: 2, maxDays: 3, price: 4.9 }] },
    },
    { id: 'home', type: 'message', position: { x: 750, y: 0 }, data: { text: '{{shipping.carrier}}, {{shipping.price}} {{shipping.currency}}.' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'where' },
    { id: 'e2', source: 'where', target: 'ship' },
    { id: 'e3', source: 'ship', sourceHandle: 'domestic', target: 'home' },
  ],
};

describe('custom node types', () => {
  it('load from a module and run in a published flow like built-in ones', async () => {
    const loaded = await loadCustomNodeTypes([exampleModule]);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.map((type) => type.type)).toEqual(['shipping-estimate']);

    const parley = testParley({ customNodeTypes: loaded.value });
    try {
      const types = await (await parley.request('GET', '/api/node-types')).json();
      expect(types.custom.map((type: { type: string }) => type.type)).toEqual(['shipping-estimate']);
      expect(types.custom[0]).toMatchObject({ category: 'Commerce', ports: [{ id: 'domestic' }, { id: 'international' }, { id: 'unknown' }] });
      expect(types.builtIn.map((type: { type: string }) => type.type)).not.toContain('shipping-estimate');

      expect(createBot(parley.deps, { id: 'shop', name: 'Shop', flow }).ok).toBe(true);
      const published = publishBot(parley.deps, 'shop');
      if (!published.ok) throw new Error(published.error.message);
      const say = async (text: string) => (await parley.request('POST', '/webhooks/web/shop', { conversationId: 'c1', text })).json();
      expect((await say('hi')).replies).toEqual([{ type: 'text', text: 'Your postcode?' }]);
      const answer = await say('69001');
      expect(answer.replies).toEqual([{ type: 'text', text: 'La Poste, 4.9 EUR.' }]);
      expect(answer.ended).toBe(true);
    } finally {
      parley.close();
    }
  });

  it('cannot be published without the module loaded', () => {
    const parley = testParley();
    try {
      expect(createBot(parley.deps, { id: 'shop', name: 'Shop', flow }).ok).toBe(true);
      const published = publishBot(parley.deps, 'shop');
      expect(published.ok).toBe(false);
      if (!published.ok) expect(published.error.message).toContain('is of type "shipping-estimate", which this Parley does not have');
    } finally {
      parley.close();
    }
  });

  describe('a bad module gives a clear error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-nodes-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const lookalike = (type: string) =>
      `{ type: '${type}', title: 'T', category: 'Custom', description: '', config: { safeParse() {} }, ports: [], bind() {} }`;
    const moduleFile = (name: string, source: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, source);
      return file;
    };
    const errorOf = async (paths: string[]) => {
      const loaded = await loadCustomNodeTypes(paths);
      if (loaded.ok) throw new Error('expected the load to fail');
      return loaded.error.message;
    };

    it('names a module that exports no list of node types', async () => {
      const file = moduleFile('none.mjs', 'export const nodes = [];\n');
      expect(await errorOf([file])).toMatch(/none\.mjs must export "nodeTypes" \(or a default export\): a list of node types made with defineNodeType\(\)\.$/);
    });

    it('names the node type and what it lacks', async () => {
      const file = moduleFile('half.mjs', "export default [{ type: 'half', title: 'Half', category: 'Gadgets', ports: [] }];\n");
      expect(await errorOf([file])).toMatch(
        /half\.mjs: node type "half" lacks "category" \(one of Messages, .*Custom\), "config" \(a zod schema\), "bind" \(made by defineNodeType\); make node types with defineNodeType\(\)\.$/,
      );
      const plain = moduleFile('plain.mjs', "export const nodeTypes = ['shipping'];\n");
      expect(await errorOf([plain])).toMatch(/plain\.mjs: node type number 1 is not an object; make node types with defineNodeType\(\)\.$/);
    });

    it('refuses a type name a built-in node or another module already has', async () => {
      const clash = moduleFile('clash.mjs', `export const nodeTypes = [${lookalike('message')}];\n`);
      expect(await errorOf([clash])).toMatch(/clash\.mjs: the node type "message" is already a built-in node type; give it another type name\.$/);
      const again = moduleFile('again.mjs', `export const nodeTypes = [${lookalike('shipping-estimate')}];\n`);
      expect(await errorOf([exampleModule, again])).toMatch(/again\.mjs: the node type "shipping-estimate" is already defined in .*custom-nodes\/index\.ts; give it another type name\.$/);
    });

    it('passes on why a module cannot be imported', async () => {
      expect(await errorOf([path.join(dir, 'missing.mjs')])).toMatch(/^Cannot load custom node types from .*missing\.mjs: /);
      const broken = moduleFile('broken.mjs', "throw new Error('no API key set');\n");
      expect(await errorOf([broken])).toMatch(/^Cannot load custom node types from .*broken\.mjs: no API key set$/);
    });
  });
});
