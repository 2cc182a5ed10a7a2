import { randomUUID } from 'node:crypto';

/** Random ids with a readable prefix (`conv_…`, `pay_…`): unguessable, so safe in public links. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}
