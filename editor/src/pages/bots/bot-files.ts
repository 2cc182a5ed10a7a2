import type { ApiResult } from '../../api/http';
import { type Bot, createBot, exportFlow, importProducts, listProducts } from '../../api/bots';

/** Saves text as a file through the browser's download. */
export function saveFile(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export async function downloadFlow(botId: string, version?: number): Promise<ApiResult<null>> {
  const file = await exportFlow(botId, version);
  if (!file.ok) return file;
  saveFile(version === undefined ? `${botId}.parley.json` : `${botId}-v${version}.parley.json`, file.value);
  return { ok: true, value: null };
}

/** Reads a chosen flow file; a file that is not JSON is an error naming it. */
export async function readFlowFile(file: File): Promise<ApiResult<unknown>> {
  const text = await file.text();
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: { status: 400, code: 'invalid_json', message: `${file.name} is not a flow file: it is not JSON.` } };
  }
}

/**
 * A new bot with another bot's draft (examples included) and its product catalog: its flow is
 * exported and imported into the new bot, as a file would be.
 */
export async function copyBot(source: Bot, name: string): Promise<ApiResult<Bot>> {
  const file = await exportFlow(source.id);
  if (!file.ok) return file;
  let flow: unknown;
  try {
    flow = JSON.parse(file.value);
  } catch {
    return { ok: false, error: { status: 500, code: 'unexpected_answer', message: 'The exported flow was not JSON.' } };
  }
  const created = await createBot({ name, description: source.description, flow });
  if (!created.ok) return created;
  const products = await listProducts(source.id);
  if (products.ok && products.value.products.length > 0) {
    const imported = await importProducts(created.value.id, products.value.products);
    if (!imported.ok) return { ok: false, error: { ...imported.error, message: `The bot was created, but its products were not copied: ${imported.error.message}` } };
  }
  return created;
}
