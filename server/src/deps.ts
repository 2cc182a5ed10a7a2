import type { NodeCatalog } from '@parley/shared';
import type { AdminAuth } from './auth';
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
  auth: AdminAuth;
  docs: ApiDocs;
}
