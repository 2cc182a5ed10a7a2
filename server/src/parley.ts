import type { NodeType } from '@parley/shared';
import { builtInNodeTypes, createNodeCatalog } from '@parley/runtime';
import { createApp } from './app';
import { setUpAdminAuth } from './auth';
import { openStore } from './db/open';
import type { AppDeps } from './deps';
import type { Config } from './env';
import { createApiDocs } from './http/openapi';
import { type PaymentProvider, testCheckoutProvider } from './payments/provider';
import { startScheduler } from './scheduler';
import { createDirectory } from './turns/directory';
import { inThreadCommitter } from './turns/committer';
import { createTurnReader } from './turns/load';
import { createTurnPipeline } from './turns/pipeline';
import { createKeyedQueue } from './turns/queue';

export interface ParleyOptions {
  /** Developers' node types, registered beside the built-in ones. */
  customNodeTypes?: readonly NodeType[];
  paymentProviders?: readonly PaymentProvider[];
  fetch?: typeof fetch;
  /** The clock turns run with (tests set business hours' "now"). */
  now?: () => Date;
  /** Run the timer/expiry scheduler (off in unit tests that tick it by hand). */
  scheduler?: boolean;
}

/** Creates the whole server: store, caches, pipeline and HTTP app. `close()` releases the store. */
export function createParley(config: Config, options: ParleyOptions = {}) {
  const store = openStore(config.dbPath);
  const catalog = createNodeCatalog([...builtInNodeTypes, ...(options.customNodeTypes ?? [])]);
  const directory = createDirectory(store, catalog);
  const commit = inThreadCommitter(store);
  const providers = new Map<string, PaymentProvider>();
  for (const provider of [testCheckoutProvider(config.publicUrl), ...(options.paymentProviders ?? [])]) providers.set(provider.id, provider);
  const effects = { providers, fetch: options.fetch ?? fetch };
  const pipeline = createTurnPipeline({
    directory,
    reader: createTurnReader(store),
    queue: createKeyedQueue(),
    commit,
    effects,
    publicUrl: config.publicUrl,
    now: options.now,
  });
  const deps: AppDeps = {
    config,
    store,
    catalog,
    directory,
    pipeline,
    effects,
    auth: setUpAdminAuth(store, config.adminToken),
    docs: createApiDocs({ title: 'Parley API', version: '0.1.0' }),
  };
  const app = createApp(deps);
  const scheduler = startScheduler(store, pipeline, {
    intervalMs: options.scheduler === false ? 3_600_000 : 1_000,
    log: config.log === 'silent' ? undefined : (message) => console.error(message),
  });
  return {
    app,
    deps,
    scheduler,
    async close() {
      scheduler.stop();
      // Turns already acknowledged are committed; what is pending commits before the store closes.
      await commit.close();
      store.close();
    },
  };
}

export type Parley = ReturnType<typeof createParley>;
