import { type NodeContext, defineNodeType, next } from '@parley/shared';
import { z } from 'zod';
import { compileExpression, runExpression } from './expression';
import { type Typed, VALUE_TYPES, typedValue } from './typed-value';

const config = z
  .object({
    label: z.string().optional().meta({ label: 'Label' }),
    variable: z
      .string({ error: 'name the variable to set' })
      .regex(/^[A-Za-z_][\w.]*$/, 'a variable name starts with a letter or _ and holds only letters, digits, _ and dots')
      .meta({ label: 'Variable', widget: 'variable' }),
    mode: z.enum(['literal', 'template', 'expression']).default('literal').meta({
      label: 'Value is',
      widget: 'select',
      help: '"literal": stored as written. "template": {{variables}} are filled in. "expression": computed, e.g. round(total * 1.2, 2) or if(age >= 18, "adult", "minor").',
    }),
    value: z.string().max(10_000).default('').meta({
      label: 'Value',
      widget: 'textarea',
      help: 'Expressions use variable names without braces, + - * / %, comparisons, && || !, a ? b : c, and functions such as lower, upper, len, round, min, max, contains, now.',
    }),
    valueType: z.enum(VALUE_TYPES).default('string').meta({
      label: 'Store as',
      widget: 'select',
      help: 'For literal and template values: text, a number, true/false (true, yes, 1 / false, no, 0) or JSON. Expressions keep the type they compute.',
    }),
  })
  .superRefine((data, issues) => {
    if (data.mode === 'expression') {
      const compiled = compileExpression(data.value);
      if (!compiled.ok) issues.addIssue({ code: 'custom', path: ['value'], message: compiled.error.message });
    } else if (data.mode === 'literal') {
      const typed = typedValue(data.value, data.valueType);
      if (!typed.ok) issues.addIssue({ code: 'custom', path: ['value'], message: typed.problem });
    }
  });

type Config = z.output<typeof config>;

function computeValue(data: Config, ctx: NodeContext): Typed {
  switch (data.mode) {
    case 'literal':
      return typedValue(data.value, data.valueType);
    case 'template':
      return typedValue(ctx.render(data.value), data.valueType);
    case 'expression': {
      const result = runExpression(data.value, { vars: ctx.vars, now: ctx.now });
      return result.ok ? result : { ok: false, problem: result.error.message };
    }
  }
}

/**
 * Sets a variable to a fixed value, a filled-in template or a computed expression. A value that cannot
 * be computed (division by zero, text where a number belongs) leaves the variable as it was, records a
 * `set.error` event, and the conversation goes on.
 */
export const setNode = defineNodeType({
  type: 'set',
  title: 'Set variable',
  category: 'Logic',
  description: 'Sets a variable to a value, a template or a computed expression, then goes on.',
  icon: 'variable',
  config,
  ports: [{ id: 'next', label: 'Next' }],
  // Expression reads are not declared: `reads` holds data paths naming variables, and an expression is code.
  variables: { writes: ['variable'] },
  waitsForCustomer: false,
  enter: (data, ctx) => {
    const value = computeValue(data, ctx);
    if (!value.ok) return next('next', { events: [{ type: 'set.error', nodeId: ctx.nodeId, data: { variable: data.variable, message: value.problem } }] });
    // A null value clears the variable, as the engine applies `set`.
    return next('next', { set: { [data.variable]: value.value } });
  },
});
