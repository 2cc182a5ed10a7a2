import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { getRequestListener } from '@hono/node-server';
import { needsSetup } from '../auth/users';
import { loadCustomChannels } from '../channels/plugins';
import { loadCustomNodeTypes } from '../custom-nodes';
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
  const custom = await loadCustomNodeTypes(config.customNodes);
  if (!custom.ok) {
    process.stderr.write(`Parley cannot start: ${custom.error.message}\n`);
    return 1;
  }
  const channels = await loadCustomChannels(config.customChannels);
  if (!channels.ok) {
    process.stderr.write(`Parley cannot start: ${channels.error.message}\n`);
    return 1;
  }
  const parley = createParley(config, { customNodeTypes: custom.value, customChannels: channels.value });
  const log = (line: string) => {
    if (config.log === 'info') process.stdout.write(`${line}\n`);
  };
  if (custom.value.length > 0) log(`Custom node types: ${custom.value.map((type) => type.type).join(', ')}`);
  if (channels.value.length > 0) log(`Custom channels: ${channels.value.map((channel) => channel.id).join(', ')}`);
  if (config.seedExamples) {
    const seeded = await seedExampleBots(parley.deps);
    if (seeded.length > 0) log(`Loaded example bots: ${seeded.join(', ')}`);
  }
  // Customers' web messages go straight to the pipeline; the rest through the app (see http/web-messages.ts).
  const server = http.createServer(parley.nodeListener(getRequestListener(parley.app.fetch, { hostname: config.host })));
  server.listen(config.port, config.host, () => {
    const address = server.address();
    log(`Parley is running at ${config.publicUrl} (port ${typeof address === 'object' && address ? address.port : config.port}, store ${config.dbPath})`);
    if (parley.deps.auth.generatedToken) {
      process.stdout.write(`Admin token (shown only this once; keep it): ${parley.deps.auth.generatedToken}\n`);
      parley.deps.auth.keep();
    }
    if (needsSetup(parley.deps)) log(`No users yet: open ${config.publicUrl} to create the first admin account.`);
    log(`Try: curl -s -X POST ${config.publicUrl}/webhooks/web/beauty-quiz -H 'content-type: application/json' -d '{"conversationId":"me","text":"hi"}'`);
  });
  const stopped = await new Promise<'stopped' | string>((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'EADDRINUSE' ? `port ${config.port} is already in use; set PORT to a free one` : error.message),
    );
    const stop = () => {
      server.close(() => resolve('stopped'));
      // Open keep-alive connections must not hold the store open.
      setTimeout(() => resolve('stopped'), 2_000).unref();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await parley.close();
  if (stopped !== 'stopped') {
    process.stderr.write(`Parley cannot start: ${stopped}\n`);
    return 1;
  }
  return 0;
}
