import { type JsonValue, type NodeContext, defineNodeType, formatValue, lookupPath, next, renderTemplate, templateVariables } from '@parley/shared';
import { z } from 'zod';
import { OPERATORS, type Rule, patternProblem, ruleHolds } from './rules';

const rule = z
  .object({
    variable: z
      .string({ error: 'name the variable to check' })
      .min(1, 'name the variable to check')
      .meta({ label: 'Variable', widget: 'variable' }),
    op: z.enum(OPERATORS).default('equals').meta({
      label: 'Check',
      widget: 'select',
      help: 'Numbers compare as numbers; text ignores case and accents. "matches" takes a regular expression.',
    }),
    value: z
      .string()
      .max(2_000)
      .default('')
      .meta({ label: 'Value', widget: 'template', help: 'Not needed for "is set" and "is not set". Use {{variable}} to compare with another answer.' }),
  })
  .superRefine((data, issues) => {
    const problem = data.op === 'matches' ? patternProblem(data.value) : undefined;
    if (problem !== undefined) issues.addIssue({ code: 'custom', path: ['value'], message: `this is not a valid regular expression (${problem})` });
  });

const conditionCase = z.object({
  id: z.string({ error: 'give the case an output id' }).min(1, 'give the case an output id').meta({ label: 'Output id' }),
  label: z.string({ error: 'name the case' }).min(1, 'name the case').max(200).meta({ label: 'Name', help: 'Shown on the output, e.g. "Adult" or "VIP".' }),
  match: z.enum(['all', 'any']).default('all').meta({ label: 'Follow when', widget: 'select', help: '"all": every rule holds; "any": at least one does.' }),
  rules: z.array(rule).min(1, 'add at least one rule to the case').max(50).meta({ label: 'Rules', widget: 'list' }),
});

const REGEX_SYNTAX = /[.*+?^${}()|[\]\\]/g;

function renderPattern(pattern: string, ctx: NodeContext): string {
  if (!pattern.includes('{{')) return pattern;
  const escaped: Record<string, JsonValue> = {};
  for (const name of templateVariables(pattern)) {
    const value = lookupPath(ctx.vars, name);
    if (value !== undefined) escaped[name] = formatValue(value).replace(REGEX_SYNTAX, '\\$&');
  }
  return renderTemplate(pattern, escaped);
}

const config = z
  .object({
    label: z.string().optional().meta({ label: 'Label' }),
    cases: z
      .array(conditionCase)
      .min(1, 'add at least one case')
      .max(50)
      .meta({ label: 'Cases', widget: 'list', help: 'Checked from top to bottom; the first that holds is followed, otherwise "Else".' }),
  })
  .superRefine((data, issues) => {
    const seen = new Set<string>(['else']);
    data.cases.forEach((item, index) => {
      if (seen.has(item.id)) issues.addIssue({ code: 'custom', path: ['cases', index, 'id'], message: `the output id "${item.id}" is already used; give each case its own` });
      seen.add(item.id);
    });
  });

function caseHolds(item: z.output<typeof conditionCase>, ctx: NodeContext): boolean {
  // In a pattern, variables are literal text: a customer's answer must not become regex syntax.
  const holds = (r: Rule) => ruleHolds(r, ctx.vars, r.op === 'matches' ? renderPattern(r.value, ctx) : ctx.render(r.value));
  return item.match === 'all' ? item.rules.every(holds) : item.rules.some(holds);
}

/** Branches on variables: one output per case, the first case whose rules hold wins, "Else" otherwise. */
export const conditionNode = defineNodeType({
  type: 'condition',
  title: 'Condition',
  category: 'Logic',
  description: 'Checks variables and follows the first case that holds, or "Else".',
  icon: 'git-branch',
  config,
  ports: [
    { forEach: 'cases', idKey: 'id', labelKey: 'label' },
    { id: 'else', label: 'Else' },
  ],
  variables: { reads: ['cases[].rules[].variable'] },
  waitsForCustomer: false,
  enter: (data, ctx) => next(data.cases.find((item) => caseHolds(item, ctx))?.id ?? 'else'),
});
