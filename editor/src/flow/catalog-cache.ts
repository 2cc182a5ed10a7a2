import { loadNodeTypes } from '../api/node-types';
import { type Catalog, buildCatalog } from './catalog';

/** Node types change only when the server restarts: read once per page load. */
let loading: Promise<{ ok: true; value: Catalog } | { ok: false; message: string }> | undefined;

export function loadCatalog() {
  loading ??= loadNodeTypes().then((answer) => {
    if (answer.ok) return { ok: true as const, value: buildCatalog(answer.value) };
    loading = undefined;
    return { ok: false as const, message: answer.error.message };
  });
  return loading;
}
