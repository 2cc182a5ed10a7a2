import type { NodeCatalog } from '@parley/shared';
import type { AdminAuth } from './auth/admin-token';
import type { PaymentProvider } from './payments/provider';
import type { ConnectionStore } from './channels/connections';
import type { ChannelDispatch } from './channels/dispatch';
import type { ChannelRegistry } from './channels/registry';
import type { Store } from './db/open';
import type { EffectDeps } from './effects/perform';
import type { Config } from './env';
import type { ApiDocs } from './http/openapi';
import type { Directory } from './turns/directory';
import type { TurnPipeline } from './turns/pipeline';

/** What route modules receive: everything is created once in `createParley` and passed down. */
export interface AppDeps {
  config: Config;
  store: Store;
  catalog: NodeCatalog;
  directory: Directory;
  pipeline: TurnPipeline;
  /** How effects reach the outside (HTTP calls): the pipeline's, also used by the editor's test chat. */
  effects: EffectDeps;
  /** The admin bearer token (scripts, the CLI). */
  auth: AdminAuth;
  docs: ApiDocs;
  channels: ChannelRegistry;
  connections: ConnectionStore;
  dispatch: ChannelDispatch;
  /** Payment providers by id; those with a webhook get /webhooks/payments/<id>. */
  paymentProviders: ReadonlyMap<string, PaymentProvider>;
  /** The clock sessions, tokens and sign-in limits run on. */
  now: () => Date;
}
