import { FLOW_SCHEMA_VERSION, type FieldProblem, type Flow, isJsonObject, parseFlow } from '@parley/shared';
import { type AppError, type Result, fail, ok } from '../errors';

/** A new bot's flow: one Start node, nothing else. */
export function blankFlow(id: string, name: string): Flow {
  return {
    schemaVersion: FLOW_SCHEMA_VERSION,
    id,
    name,
    settings: { locale: 'en', maxStepsPerTurn: 200, timezone: 'UTC' },
    variables: [],
    nodes: [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} }],
    edges: [],
    faq: [],
  };
}

/** A flow's structural problems as a 400 naming the first field; `prefix` is where the flow sits in the request body. */
export function invalidFlow(problems: readonly FieldProblem[], prefix: string): AppError {
  const details = problems.map((problem) => ({ field: [prefix, problem.field].filter(Boolean).join('.'), message: problem.message }));
  const first = details[0];
  return {
    status: 400,
    code: 'invalid_flow',
    field: first?.field,
    message: first ? `This is not a valid flow: ${first.field ? `field "${first.field}": ` : ''}${first.message}` : 'This is not a valid flow.',
    details,
  };
}

/**
 * Parses a flow file of any format version for a bot: migrated, with its id and name set to the bot's
 * (so an exported file imports into another bot unchanged).
 */
export function flowForBot(input: unknown, bot: { id: string; name: string }, prefix: string): Result<Flow> {
  const parsed = parseFlow(isJsonObject(input) ? { ...input, id: bot.id, name: bot.name } : input);
  return parsed.ok ? ok(parsed.flow) : fail(invalidFlow(parsed.problems, prefix));
}

/** Parses a flow that belongs to no bot yet (checking a flow before saving it): id and name may be left out. */
export function looseFlow(input: unknown, prefix: string): Result<Flow> {
  const parsed = parseFlow(isJsonObject(input) ? { id: 'flow', name: 'Flow', ...input } : input);
  return parsed.ok ? ok(parsed.flow) : fail(invalidFlow(parsed.problems, prefix));
}

/** Reads a flow this server stored; one that no longer parses is a bug, not an input error. */
export function storedFlow(json: string): Flow {
  const parsed = parseFlow(JSON.parse(json));
  if (!parsed.ok) throw new Error(`A stored flow does not parse: ${parsed.problems[0]?.field ?? ''} ${parsed.problems[0]?.message ?? ''}`);
  return parsed.flow;
}
