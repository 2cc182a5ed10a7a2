import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * The ready bots shipped with Parley, one folder each under bots/: `bot.json` (id, name, description),
 * `flow.json` (a flow file, as the editor exports it) and optionally `products.json` (its catalog).
 * Returned raw: whoever loads them parses them at that boundary, as any imported file.
 */
export interface ExampleBot {
  id: string;
  name: string;
  description: string;
  flow: unknown;
  products: unknown;
}

// Resolved through the package name so it holds when the server is bundled into one file.
export const examplesDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@parley/examples/package.json')), 'bots');

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

export function loadExampleBots(): ExampleBot[] {
  return fs
    .readdirSync(examplesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(examplesDir, entry.name, 'flow.json')))
    .map((entry) => {
      const dir = path.join(examplesDir, entry.name);
      const meta = fs.existsSync(path.join(dir, 'bot.json')) ? readJson(path.join(dir, 'bot.json')) : {};
      const field = (key: string) => (typeof meta === 'object' && meta !== null ? Reflect.get(meta, key) : undefined);
      const productsFile = path.join(dir, 'products.json');
      return {
        id: entry.name,
        name: text(field('name'), entry.name),
        description: text(field('description'), ''),
        flow: readJson(path.join(dir, 'flow.json')),
        products: fs.existsSync(productsFile) ? readJson(productsFile) : [],
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function exampleFlowFile(id: string): string {
  return path.join(examplesDir, id, 'flow.json');
}
