import path from 'node:path';
import { importModule } from '../custom-nodes';
import { type Result, fail, ok } from '../errors';
import { builtInChannels } from './built-in';
import { CHANNEL_ID } from './registry';
import type { Channel } from './types';

/**
 * Developers' channels, loaded at start from the modules `PARLEY_CHANNELS` names. Each module exports
 * `channels: Channel[]` (or a default export of that array), made with `defineChannel` exactly as the
 * built-in channels are.
 */

const invalid = (message: string) => fail({ status: 422, code: 'invalid_custom_channels', message });
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function channelProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'is not an object; make channels with defineChannel()';
  const missing: string[] = [];
  if (typeof value.id !== 'string' || value.id === '') missing.push('"id"');
  if (typeof value.title !== 'string') missing.push('"title" (a string)');
  if (!isRecord(value.config) || typeof value.config.safeParse !== 'function') missing.push('"config" (a zod object)');
  if (!Array.isArray(value.secrets)) missing.push('"secrets" (a list)');
  if (typeof value.bind !== 'function') missing.push('"bind" (made by defineChannel)');
  return missing.length === 0 ? undefined : `lacks ${missing.join(', ')}; make channels with defineChannel()`;
}

const looksLikeChannel = (value: unknown): value is Channel => channelProblem(value) === undefined;

/** Loads every module in order; the first problem stops the load, naming the module and what is wrong. */
export async function loadCustomChannels(paths: readonly string[]): Promise<Result<Channel[]>> {
  const owners = new Map<string, string>([['web', 'the web channel'], ...builtInChannels.map((c): [string, string] => [c.id, 'a built-in channel'])]);
  const all: Channel[] = [];
  for (const file of paths) {
    const name = path.relative(process.cwd(), file) || file;
    let module: unknown;
    try {
      module = await importModule(path.resolve(file));
    } catch (error) {
      return invalid(`Cannot load custom channels from ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const exports = isRecord(module) ? module : {};
    const list = exports.channels ?? exports.default;
    if (!Array.isArray(list)) return invalid(`${name} must export "channels" (or a default export): a list of channels made with defineChannel().`);
    for (const [index, value] of list.entries()) {
      if (!looksLikeChannel(value)) return invalid(`${name}: channel number ${index + 1} ${channelProblem(value) ?? ''}.`);
      if (!CHANNEL_ID.test(value.id)) return invalid(`${name}: the channel id "${value.id}" must be 2–31 lowercase letters, digits or dashes (it is part of the webhook URL).`);
      const owner = owners.get(value.id);
      if (owner !== undefined) return invalid(`${name}: the channel id "${value.id}" is already ${owner}; give it another id.`);
      owners.set(value.id, `defined in ${name}`);
      all.push(value);
    }
  }
  return ok(all);
}
