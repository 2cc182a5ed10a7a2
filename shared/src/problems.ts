import type { z } from 'zod';

/** A problem with one field of an input, named by its dotted path (`nodes.3.data.text`). */
export interface FieldProblem {
  field: string;
  message: string;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join('.');
}

export function issuesToProblems(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message }));
}
