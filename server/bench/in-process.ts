import fs from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../src/env';
import { type Parley, createParley } from '../src/parley';
import { seedExampleBots } from '../src/seed';

/**
 * Parley without HTTP, for the in-process benches: a fresh file store in a temporary folder with the
 * example bots (quiz-bench among them), no scheduler. `dir` is the folder, for a peer's store beside it;
 * `close` removes it.
 */
export async function startInProcess(): Promise<{ parley: Parley; dir: string; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync('/tmp/parley-bench-');
  const parsed = parseConfig({ PARLEY_DB: path.join(dir, 'p.db'), PARLEY_ADMIN_TOKEN: 'bench-admin-token-000000', PARLEY_SEED_EXAMPLES: 'true', PARLEY_LOG: 'silent' });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const parley = createParley(parsed.config, { scheduler: false });
  await seedExampleBots(parley.deps);
  return {
    parley,
    dir,
    close: async () => {
      await parley.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
