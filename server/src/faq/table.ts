import { type FaqEntry, type FlowProblem, duplicateFaqIds } from '@parley/shared';
import { getDraft, saveDraft } from '../bots/draft';
import type { AppDeps } from '../deps';
import { type Result, fail, ok } from '../errors';

export interface FaqView {
  faq: FaqEntry[];
  /** The draft's revision: send it back when saving, so nobody's edits are overwritten. */
  revision: number;
  /** Problems of the FAQ table and of the nodes that read it. */
  problems: FlowProblem[];
}

export const faqProblems = (problems: readonly FlowProblem[]): FlowProblem[] => problems.filter((problem) => problem.code.startsWith('faq-'));

/** The draft's FAQ table: what the FAQ page edits and Publish puts live with the flow. */
export function getFaq(deps: AppDeps, botId: string): Result<FaqView> {
  const draft = getDraft(deps, botId);
  if (!draft.ok) return draft;
  return ok({ faq: draft.value.flow.faq, revision: draft.value.revision, problems: faqProblems(draft.value.problems) });
}

/** Two rows with one id cannot be told apart by the nodes' "Did you mean…?" buttons: refused, naming the row. */
export function repeatedIdError(entries: readonly FaqEntry[], prefix = 'faq') {
  const [index] = duplicateFaqIds(entries);
  if (index === undefined) return undefined;
  const id = entries[index]?.id ?? '';
  return fail({ status: 400, code: 'invalid_faq', field: `${prefix}.${index}.id`, message: `Row ${index + 1}: another entry already has the id "${id}".` });
}

/** Replaces the draft's FAQ table (the rest of the draft as it is); with `revision`, only if nobody saved since. */
export function saveFaq(deps: AppDeps, botId: string, faq: FaqEntry[], revision?: number): Result<{ revision: number; problems: FlowProblem[] }> {
  const repeated = repeatedIdError(faq);
  if (repeated) return repeated;
  const draft = getDraft(deps, botId);
  if (!draft.ok) return draft;
  const saved = saveDraft(deps, botId, { ...draft.value.flow, faq }, revision ?? draft.value.revision);
  return saved.ok ? ok({ revision: saved.value.revision, problems: faqProblems(saved.value.problems) }) : saved;
}
