import type { NodeType } from '@parley/shared';
import { builtInNodeTypes, createNodeCatalog } from '@parley/runtime';
import { createApp } from './app';
import { setUpAdminAuth } from './auth/admin-token';
import { builtInChannels } from './channels/built-in';
import { createConnectionStore } from './channels/connections';
import { createDispatch } from './channels/dispatch';
import { createChannelRegistry } from './channels/registry';
import { pushingSystemReplies } from './channels/system-replies';
import type { Channel } from './channels/types';
import { openStore } from './db/open';
import type { AppDeps } from './deps';
import type { Config } from './env';
import { createApiDocs } from './http/openapi';
import { createSecretBox, secretKey } from './secrets';
import { type PaymentProvider, testCheckoutProvider } from './payments/provider';
import { stripeClient, stripeProvider } from './payments/stripe';
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
  /** Developers' channels, served beside the built-in ones (see docs/channels.md). */
  customChannels?: readonly Channel[];
  /** Waits between attempts to deliver replies to a platform that failed (tests make them short). */
  channelRetryDelaysMs?: readonly number[];
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
  const stripe = config.stripe ? stripeClient(config.stripe) : undefined;
  const providers = new Map<string, PaymentProvider>();
  const stripeCheckout = stripe ? [stripeProvider(stripe, { publicUrl: config.publicUrl, testMode: config.stripe?.secretKey.includes('_test_') ?? true, webhookSecret: config.stripe?.webhookSecret, now: options.now })] : [];
  for (const provider of [testCheckoutProvider(config.publicUrl), ...stripeCheckout, ...(options.paymentProviders ?? [])]) {
    // A configuration mistake, found at start rather than by a customer paying the wrong provider.
    if (providers.has(provider.id)) throw new Error(`Two payment providers are named "${provider.id}"; each needs its own id.`);
    providers.set(provider.id, provider);
  }
  const reader = createTurnReader(store);
  const channels = createChannelRegistry([...builtInChannels, ...(options.customChannels ?? [])]);
  const connections = createConnectionStore(store, createSecretBox(secretKey(config.secretKey, config.dbPath)));
  const log = config.log === 'silent' ? undefined : (message: string) => console.error(message);
  const dispatch = createDispatch({
    registry: channels,
    connections,
    store,
    // A call given up on may still have reached the platform, and most platforms take no idempotency key:
    // a retry would show the customer the message twice. So the limit is generous (seen: 9 s under a storm).
    io: { apiUrls: config.channelApis, fetch: options.fetch ?? fetch, timeoutMs: 30_000 },
    retryDelaysMs: options.channelRetryDelaysMs,
    // Windows are read against turn times: the same clock as the turns.
    now: options.now,
    log,
  });
  const effects = { providers, fetch: options.fetch ?? fetch, store, stockChanged: (botId: string) => directory.forgetProducts(botId) };
  const turnPipeline = createTurnPipeline({
    directory,
    reader,
    queue: createKeyedQueue(),
    commit,
    effects,
    publicUrl: config.publicUrl,
    now: options.now,
  });
  // Replies to payments, releases and timers reach messaging apps through their channel.
  const pipeline = pushingSystemReplies(turnPipeline, dispatch);
  const deps: AppDeps = {
    config,
    store,
    catalog,
    directory,
    pipeline,
    effects,
    auth: setUpAdminAuth(store, config.adminToken),
    docs: createApiDocs({ title: 'Parley API', version: '0.1.0' }),
    paymentProviders: providers,
    now: options.now ?? (() => new Date()),
    channels,
    connections,
    dispatch,
  };
  const { app, nodeListener } = createApp(deps);
  // Replies committed before a stop but not yet delivered go out now.
  dispatch.recover();
  const scheduler = startScheduler(store, pipeline, {
    intervalMs: options.scheduler === false ? 3_600_000 : 1_000,
    fetch: options.fetch,
    now: options.now,
    stockChanged: (botId) => directory.forgetProducts(botId),
    log,
  });
  return {
    app,
    nodeListener,
    deps,
    scheduler,
    async close() {
      scheduler.stop();
      dispatch.close();
      await dispatch.idle();
      // Turns already acknowledged are committed; what is pending commits before the store closes.
      await commit.close();
      await store.close();
    },
  };
}

export type Parley = ReturnType<typeof createParley>;
