import { type FaqEntryInput, isJsonObject } from '@parley/shared';
import { compileFlow } from '../../compile';
import { runTurn } from '../../engine';
import { testFlow } from '../../testing';
import { builtInCatalog } from '../registry';

/**
 * Measures an FAQ node's config and an FAQ table against questions whose right entry is known, through the real engine:
 * each question is asked in a fresh chat with the node, as a customer would. For the quality set in
 * tests/faq and the faq-quality bench; a service manager's own set works the same way.
 */

export interface QualityCase {
  question: string;
  /** The entry that answers it, or null when the FAQ has none and must say so. */
  expected: string | null;
}

export interface CaseResult extends QualityCase {
  outcome: 'answered' | 'suggested' | 'noMatch';
  /** The entry answered, or the first one offered under "Did you mean…?"; null on No match. */
  top: string | null;
  suggestions: string[];
  score: number;
  hit: boolean;
}

export interface QualityReport {
  results: CaseResult[];
  /** Share of questions whose top entry is the expected one (No match for questions without one). */
  accuracy: number;
  /** Questions with an entry that were answered straight away with it. */
  answeredRight: number;
  /** Questions answered straight away with a wrong entry, or answered when the FAQ has none. */
  answeredWrong: number;
  suggested: number;
}

function outcomeOf(faq: unknown): Pick<CaseResult, 'outcome' | 'top' | 'suggestions' | 'score'> {
  if (!isJsonObject(faq)) return { outcome: 'noMatch', top: null, suggestions: [], score: 0 };
  const score = typeof faq.score === 'number' ? faq.score : 0;
  if (typeof faq.matchId === 'string') return { outcome: 'answered', top: faq.matchId, suggestions: [], score };
  const suggestions = Array.isArray(faq.suggestions) ? faq.suggestions.filter((s): s is string => typeof s === 'string') : [];
  return suggestions.length > 0 ? { outcome: 'suggested', top: suggestions[0] ?? null, suggestions, score } : { outcome: 'noMatch', top: null, suggestions, score };
}

export function evaluateFaq(faqData: Record<string, unknown>, faq: FaqEntryInput[], cases: readonly QualityCase[], locale = 'en'): QualityReport {
  const flow = testFlow(
    [
      { id: 'start', type: 'start' },
      // Without the helpful question, an answer ends the turn where the outcome is easiest to read.
      { id: 'faq', type: 'faq', data: { ...faqData, waitForQuestion: true, askHelpful: false } },
      { id: 'answered', type: 'end' },
      { id: 'no-match', type: 'end' },
    ],
    [
      ['start', null, 'faq'],
      ['faq', 'answered', 'answered'],
      ['faq', 'noMatch', 'no-match'],
    ],
    { faq },
  );
  // Compiled once, as the server does when it loads a flow: the FAQ index is built once for all questions.
  const compiled = compileFlow({ ...flow, settings: { ...flow.settings, locale } }, builtInCatalog);
  if (!compiled.ok) throw new Error(`The FAQ config does not compile: ${compiled.problems.map((p) => p.message).join('; ')}`);
  const env = { now: new Date('2026-03-02T10:00:00Z') };
  const results = cases.map((c): CaseResult => {
    const waiting = runTurn(compiled.flow, null, { kind: 'text', text: 'hi' }, env);
    const asked = runTurn(compiled.flow, waiting.session, { kind: 'text', text: c.question }, env);
    const outcome = outcomeOf(asked.session.vars.faq);
    return { ...c, ...outcome, hit: outcome.top === c.expected };
  });
  const answered = results.filter((r) => r.outcome === 'answered');
  return {
    results,
    accuracy: results.length === 0 ? 0 : results.filter((r) => r.hit).length / results.length,
    answeredRight: answered.filter((r) => r.top === r.expected).length,
    answeredWrong: answered.filter((r) => r.top !== r.expected).length,
    suggested: results.filter((r) => r.outcome === 'suggested').length,
  };
}
