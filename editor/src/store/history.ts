import type { FlowEdge, FlowMeta, StepNode } from '../flow/convert';

/** One undo step: the flow as it was. Arrays are shared with the live state until they change. */
export interface Snapshot {
  meta: FlowMeta;
  nodes: StepNode[];
  edges: FlowEdge[];
}

export interface History {
  past: Snapshot[];
  future: Snapshot[];
  /** Edits with the same key in quick succession (typing in one field) make one undo step. */
  lastKey: string | null;
  lastAt: number;
}

export const HISTORY_LIMIT = 200;
const COALESCE_MS = 1_000;

export const emptyHistory = (): History => ({ past: [], future: [], lastKey: null, lastAt: 0 });

/** History with `current` recorded before an edit; unchanged when the edit continues the last one. */
export function record(history: History, current: Snapshot, key: string | null, now: number): History {
  if (key !== null && key === history.lastKey && now - history.lastAt < COALESCE_MS) return { ...history, lastAt: now };
  const past = [...history.past, current];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, future: [], lastKey: key, lastAt: now };
}

export function undo(history: History, current: Snapshot): { history: History; snapshot: Snapshot } | undefined {
  const snapshot = history.past[history.past.length - 1];
  if (!snapshot) return undefined;
  return { history: { past: history.past.slice(0, -1), future: [current, ...history.future], lastKey: null, lastAt: 0 }, snapshot };
}

export function redo(history: History, current: Snapshot): { history: History; snapshot: Snapshot } | undefined {
  const [snapshot, ...future] = history.future;
  if (!snapshot) return undefined;
  return { history: { past: [...history.past, current], future, lastKey: null, lastAt: 0 }, snapshot };
}
