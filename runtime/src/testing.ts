import {
  type FaqEntryInput,
  type Flow,
  type Inbound,
  type NodeCatalog,
  type Product,
  type Reply,
  type Session,
  type Variables,
  FLOW_SCHEMA_VERSION,
  flowSchema,
} from '@parley/shared';
import { compileFlow } from './compile';
import { type TurnResult, runTurn } from './engine';
import { builtInCatalog } from './nodes/registry';

/**
 * Helpers to test a node the Node-RED way: draw a two- or three-node flow, run it through the
 * real engine, and assert the replies. Also for developers testing their custom nodes.
 */
export interface TestNode {
  id: string;
  type: string;
  data?: Record<string, unknown>;
}

/** `[source, port, target]`; a null port is the source's first output. */
export type TestEdge = [string, string | null, string];

export function testFlow(nodes: TestNode[], edges: TestEdge[], extra: { variables?: Flow['variables']; faq?: FaqEntryInput[] } = {}): Flow {
  return flowSchema.parse({
    schemaVersion: FLOW_SCHEMA_VERSION,
    id: 'test',
    name: 'Test flow',
    variables: extra.variables ?? [],
    faq: extra.faq ?? [],
    nodes: nodes.map((node, i) => ({ id: node.id, type: node.type, position: { x: i * 250, y: 0 }, data: node.data ?? {} })),
    edges: edges.map(([source, sourceHandle, target], i) => ({ id: `e${i}`, source, sourceHandle, target })),
  });
}

export interface TestChatOptions {
  catalog?: NodeCatalog;
  products?: readonly Product[];
  now?: () => Date;
  initialVars?: Variables;
  system?: Variables;
}

export interface TestChat {
  /** Sends any inbound and returns the turn's whole result. */
  send(inbound: Inbound): TurnResult;
  /** The customer types; returns the replies. */
  say(text: string): Reply[];
  /** The customer taps a button with this payload. */
  tap(payload: string, title?: string): Reply[];
  readonly session: Session | null;
  readonly vars: Variables;
  readonly last: TurnResult | undefined;
}

export function testChat(flow: Flow, options: TestChatOptions = {}): TestChat {
  const compiled = compileFlow(flow, options.catalog ?? builtInCatalog);
  if (!compiled.ok) throw new Error(`The test flow does not compile: ${compiled.problems.map((p) => p.message).join('; ')}`);
  let session: Session | null = null;
  let last: TurnResult | undefined;
  const send = (inbound: Inbound): TurnResult => {
    last = runTurn(compiled.flow, session, inbound, {
      now: options.now ? options.now() : new Date('2026-03-02T10:00:00Z'),
      products: options.products,
      initialVars: options.initialVars,
      system: options.system,
    });
    session = last.session;
    return last;
  };
  return {
    send,
    say: (text) => send({ kind: 'text', text }).replies,
    tap: (payload, title) => send(title === undefined ? { kind: 'postback', payload } : { kind: 'postback', payload, title }).replies,
    get session() {
      return session;
    },
    get vars() {
      return session?.vars ?? {};
    },
    get last() {
      return last;
    },
  };
}

/** The texts of replies, for compact assertions. */
export function texts(replies: readonly Reply[]): string[] {
  return replies.flatMap((reply) => ('text' in reply ? [reply.text] : 'caption' in reply && reply.caption ? [reply.caption] : []));
}
