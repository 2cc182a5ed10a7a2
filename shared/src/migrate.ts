import { FLOW_SCHEMA_VERSION, flowSchema, type Flow } from './flow';
import { isJsonObject } from './json';
import { moveFaqEntriesToTable } from './migrate-faq';
import { issuesToProblems, type FieldProblem } from './problems';

/**
 * One step per older format version: each takes a file of version N and returns version N + 1.
 * Version 0 is a file written before `schemaVersion` existed (the bare React Flow export).
 */
const migrations: Record<number, (flow: Record<string, unknown>) => Record<string, unknown>> = {
  0: (flow) => ({ ...flow, schemaVersion: 1, settings: flow.settings ?? {}, variables: flow.variables ?? [] }),
  1: moveFaqEntriesToTable,
};

export type ParseFlowResult = { ok: true; flow: Flow } | { ok: false; problems: FieldProblem[] };

/** Parses a flow file of any known version, migrating it to the current one. */
export function parseFlow(input: unknown): ParseFlowResult {
  if (!isJsonObject(input)) return { ok: false, problems: [{ field: '', message: 'A flow must be a JSON object.' }] };
  let current: Record<string, unknown> = input;
  let version = typeof input.schemaVersion === 'number' ? input.schemaVersion : 0;
  if (version > FLOW_SCHEMA_VERSION) {
    return {
      ok: false,
      problems: [{ field: 'schemaVersion', message: `This flow was saved by a newer Parley (format ${version}); this one reads up to ${FLOW_SCHEMA_VERSION}.` }],
    };
  }
  while (version < FLOW_SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) return { ok: false, problems: [{ field: 'schemaVersion', message: `Unknown flow format version ${version}.` }] };
    current = step(current);
    version += 1;
  }
  const parsed = flowSchema.safeParse(current);
  return parsed.success ? { ok: true, flow: parsed.data } : { ok: false, problems: issuesToProblems(parsed.error.issues) };
}

