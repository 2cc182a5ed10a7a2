import type { z } from 'zod';
import type { Product } from './catalog';
import type { Effect } from './effects';
import type { TurnEvent } from './events';
import type { FaqEntry } from './faq';
import type { FlowSettings } from './flow';
import type { Inbound } from './inbound';
import type { JsonValue, Variables } from './json';
import type { Reply } from './replies';
import { compileGuard } from './schema-guard';

/**
 * The public shape of a node type: built-in nodes and developers' custom nodes alike.
 * Everything the editor and `validateFlow` need is plain data (config schema with form hints,
 * port and variable specs); `enter`/`resume` are pure functions the engine calls.
 */

export const NODE_CATEGORIES = ['Messages', 'Questions', 'Commerce', 'Logic', 'Service', 'Integrations', 'Custom'] as const;
export type NodeCategory = (typeof NODE_CATEGORIES)[number];

/** Form hints, attached to config fields with zod's `.meta()`; they travel into the JSON Schema. */
export interface FormHints {
  label?: string;
  help?: string;
  /** `product-field` names a product field (`price`, `attributes.color`): the editor suggests the bot's catalog fields. */
  widget?: 'text' | 'textarea' | 'number' | 'select' | 'checkbox' | 'variable' | 'template' | 'code' | 'json' | 'url' | 'list' | 'node' | 'flow' | 'product-field';
  placeholder?: string;
}

/**
 * An output port. Fixed ports are listed by id; `forEach` makes one port per item of a list
 * in the node's data (a port per button, per quiz outcome, per condition case).
 */
export type PortSpec =
  | { id: string; label: string; required?: boolean }
  | { forEach: string; idKey: string; labelKey: string; required?: boolean };

export interface Port {
  id: string;
  label: string;
  required: boolean;
}

/** Data paths (`variable`, `mappings[].variable`) whose values name variables the node writes or reads. */
export interface VariableSpec {
  writes?: string[];
  reads?: string[];
  /** Variables the node always sets under a fixed name (`faq`, `payment`). */
  fixedWrites?: string[];
  /** Variables named by a data path plus a suffix (`saveAs` + `Action`). */
  suffixedWrites?: { path: string; suffix: string }[];
  /** Names the node puts in scope for its own templates only (product cards render `{{product.title}}`). */
  local?: string[];
}

/** What a node sees while it runs: read-only, with no I/O. */
export interface NodeContext {
  nodeId: string;
  vars: Readonly<Variables>;
  render(template: string, extra?: Readonly<Variables>): string;
  now: Date;
  settings: FlowSettings;
  products: readonly Product[];
  /** The bot's FAQ table, as published with the flow. */
  faq: readonly FaqEntry[];
  /** A new id, unique within the conversation and the same on replay (for effects and payments). */
  newId(prefix: string): string;
}

interface StepExtras {
  replies?: Reply[];
  /** Variables to set; a null value clears one. */
  set?: Variables;
  events?: TurnEvent[];
  effects?: Effect[];
}

/** What a node asks the engine to do next. */
export type NodeStep = StepExtras &
  (
    | { kind: 'next'; port: string }
    | { kind: 'wait'; state?: JsonValue; silent?: boolean }
    | { kind: 'end' }
    | { kind: 'jump'; nodeId: string }
    | { kind: 'switchFlow'; flowId: string; nodeId?: string }
  );

export interface NodeTypeSpec<Config extends z.ZodType, State extends z.ZodType> {
  type: string;
  title: string;
  category: NodeCategory;
  description: string;
  icon?: string;
  config: Config;
  ports: PortSpec[];
  variables?: VariableSpec;
  /** Data paths whose values are node ids this node may jump to (go-to). */
  links?: string[];
  /** Whether entering this node can stop the turn to wait for the customer; a data path names a boolean field. */
  waitsForCustomer: boolean | { when: string };
  /** The entry point of a flow; exactly one per flow. */
  isStart?: boolean;
  /** Shape of the state the node keeps while waiting; a stored state that no longer fits starts fresh. */
  state?: State;
  enter(data: z.output<Config>, ctx: NodeContext): NodeStep;
  resume?(data: z.output<Config>, ctx: NodeContext, input: Inbound, state: z.output<State> | undefined): NodeStep;
  /** Nodes that answer from the FAQ table: the data path of the tags they filter on (validation checks each has entries). */
  readsFaq?: { tags: string };
  /** Start nodes: keywords that restart or redirect the conversation wherever it stands. */
  triggers?(data: z.output<Config>, text: string): string | undefined;
}

/** A node's config bound to its run functions, made once when a flow is loaded. */
export interface BoundNode {
  enter(ctx: NodeContext): NodeStep;
  resume(ctx: NodeContext, input: Inbound, state: JsonValue): NodeStep;
  triggers(text: string): string | undefined;
}

export type BindResult = { ok: true; node: BoundNode } | { ok: false; issues: readonly z.core.$ZodIssue[] };

/** A node type with its config type erased, as registries hold it. */
export interface NodeType {
  type: string;
  title: string;
  category: NodeCategory;
  description: string;
  icon: string | undefined;
  config: z.ZodType;
  ports: PortSpec[];
  variables: VariableSpec;
  links: string[];
  waitsForCustomer: boolean | { when: string };
  isStart: boolean;
  readsFaq?: { tags: string };
  bind(data: unknown): BindResult;
}

export function defineNodeType<Config extends z.ZodType, State extends z.ZodType = z.ZodUnknown>(
  spec: NodeTypeSpec<Config, State>,
): NodeType {
  const { enter, resume, triggers, state: stateSchema } = spec;
  // Compiled on the first resume, not when the type is defined: start-up (and the editor) never pay for it.
  let isState: ((value: unknown) => value is z.output<State>) | undefined;
  return {
    type: spec.type,
    title: spec.title,
    category: spec.category,
    description: spec.description,
    icon: spec.icon,
    config: spec.config,
    ports: spec.ports,
    variables: spec.variables ?? {},
    links: spec.links ?? [],
    waitsForCustomer: spec.waitsForCustomer,
    isStart: spec.isStart ?? false,
    ...(spec.readsFaq ? { readsFaq: spec.readsFaq } : {}),
    bind(raw) {
      const parsed = spec.config.safeParse(raw);
      if (!parsed.success) return { ok: false, issues: parsed.error.issues };
      const data = parsed.data;
      return {
        ok: true,
        node: {
          enter: (ctx) => enter(data, ctx),
          resume: (ctx, input, state) => {
            if (!resume) return { kind: 'wait', state };
            if (!stateSchema) return resume(data, ctx, input, undefined);
            // The state the node saved is read on every turn: most pass the guard compiled from its schema.
            isState ??= compileGuard(stateSchema);
            if (isState(state)) return resume(data, ctx, input, state);
            const typed = stateSchema.safeParse(state);
            return resume(data, ctx, input, typed.success ? typed.data : undefined);
          },
          triggers: (text) => (triggers ? triggers(data, text) : undefined),
        },
      };
    },
  };
}

/** Step helpers, so nodes read as sentences: `return next('yes', { replies })`. */
export const next = (port: string, extras: StepExtras = {}): NodeStep => ({ kind: 'next', port, ...extras });
export const wait = (state: JsonValue, extras: StepExtras & { silent?: boolean } = {}): NodeStep => ({ kind: 'wait', state, ...extras });
export const end = (extras: StepExtras = {}): NodeStep => ({ kind: 'end', ...extras });
