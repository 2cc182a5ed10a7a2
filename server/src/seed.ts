import { loadExampleBots } from '@parley/examples';
import { eq } from 'drizzle-orm';
import { createBot, getBot, importProducts, publishBot } from './bots/service';
import { settings } from './db/schema';
import type { AppDeps } from './deps';
import { seedExampleTeams } from './teams/examples';

const SEEDED_KEY = 'examples_seeded';

/**
 * Loads the example bots (published, with their catalogs) the first time each is seen. An example
 * the user deleted stays deleted: seeded ids are remembered.
 */
export async function seedExampleBots(deps: AppDeps): Promise<string[]> {
  const { db } = deps.store;
  const row = db.select().from(settings).where(eq(settings.key, SEEDED_KEY)).get();
  const seeded = new Set<string>(row ? row.value.split(',').filter(Boolean) : []);
  const added: string[] = [];
  for (const example of loadExampleBots()) {
    if (seeded.has(example.id)) continue;
    seeded.add(example.id);
    if (getBot(deps, example.id).ok) continue;
    const created = createBot(deps, { id: example.id, name: example.name, description: example.description, flow: example.flow });
    if (!created.ok) {
      process.stderr.write(`Example ${example.id} was not loaded: ${created.error.message}\n`);
      continue;
    }
    if (Array.isArray(example.products) && example.products.length > 0) {
      const imported = importProducts(deps, example.id, { contentType: 'application/json', body: JSON.stringify(example.products) });
      if (!imported.ok) process.stderr.write(`Example ${example.id}: its products were not loaded: ${imported.error.message}\n`);
    }
    const published = publishBot(deps, example.id, { note: 'Example bot', by: 'parley' });
    if (!published.ok) process.stderr.write(`Example ${example.id} was not published: ${published.error.message}\n`);
    added.push(example.id);
  }
  // The inbox queues their hand-off nodes name, with the hours those businesses keep.
  seedExampleTeams(deps.store, added, deps.now());
  const value = [...seeded].join(',');
  db.insert(settings).values({ key: SEEDED_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
  return added;
}
