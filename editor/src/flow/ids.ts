/** The first `${prefix}${n}` (n = 1, 2, …) not taken: short, readable ids for nodes, edges and list items. */
export function uniqueId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!taken.has(id)) return id;
  }
}

/** "shipping-estimate" → "shipping-estimate-", "buttons" → "buttons-": node ids read as their type. */
export const nodeIdPrefix = (type: string) => `${type.replace(/[^A-Za-z0-9_-]+/g, '-') || 'node'}-`;
