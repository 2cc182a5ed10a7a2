import { createContext, useContext } from 'react';
import type { KnownVariable } from '../flow/variables';

/** What fields need besides their own value: names to pick from, and the problems to show. */
export interface FormContext {
  variables: readonly KnownVariable[];
  /** Steps of this flow, for "go to" fields. */
  nodes: readonly { id: string; title: string }[];
  /** Other bots, for "continue in another bot" fields. */
  bots: readonly { id: string; name: string }[];
  /** Product fields of the bot's catalog (`price`, `attributes.color`) and the values each has. */
  productFields: ReadonlyMap<string, readonly string[]>;
  /** Problems by field path (`buttons.0.title`). */
  problems: ReadonlyMap<string, string>;
}

export const emptyFormContext: FormContext = { variables: [], nodes: [], bots: [], productFields: new Map(), problems: new Map() };

export const FormContextValue = createContext<FormContext>(emptyFormContext);
export const useFormContext = () => useContext(FormContextValue);

/** A DOM id for a field path (`buttons.0.title` → `f-buttons-0-title`). */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
