import path from 'node:path';
import { createRequire } from 'node:module';
import { serve } from '@hono/node-server';
import { parseConfig } from '../env';
import { createParley } from '../parley';
import { seedExampleBots } from '../seed';

const serverRoot = path.dirname(createRequire(import.meta.url).resolve('@parley/server/package.json'));

/** `parley start`: the server with the built editor, the store, the examples on first start. */
export async function runStart(): Promise<number> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`Parley cannot start; fix these settings:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}\n`);
    return 1;
  }
  const config = { ...parsed.config, editorDir: parsed.config.editorDir ?? path.resolve(serverRoot, '../editor/dist') };
  const parley = createParley(config);
  const log = (line: string) => {
    if (config.log === 'info') process.stdout.write(`${line}\n`);
  };
  if (config.seedExamples) {
    const seeded = await seedExampleBots(parley.deps);
    if (seeded.length > 0) log(`Loaded example bots: ${seeded.join(', ')}`);
  }
  const server = serve({ fetch: parley.app.fetch, port: config.port, hostname: config.host }, (info) => {
    log(`Parley is running at ${config.publicUrl} (port ${info.port}, store ${config.dbPath})`);
    if (parley.deps.auth.generatedToken) {
      process.stdout.write(`Admin token (shown only this once; keep it): ${parley.deps.auth.generatedToken}\n`);
    }
    log(`Try: curl -s -X POST ${config.publicUrl}/webhooks/web/beauty-quiz -H 'content-type: application/json' -d '{"conversationId":"me","text":"hi"}'`);
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
      // Open keep-alive connections must not hold the store open.
      setTimeout(resolve, 2_000).unref();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  parley.close();
  return 0;
}
