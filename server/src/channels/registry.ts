import type { Channel } from './types';

export interface ChannelRegistry {
  get(id: string): Channel | undefined;
  all(): readonly Channel[];
}

export const CHANNEL_ID = /^[a-z][a-z0-9-]{1,30}$/;

/** The channels a server speaks: built-in ones and developers' own, each id once ("web" is taken). */
export function createChannelRegistry(channels: readonly Channel[]): ChannelRegistry {
  const byId = new Map<string, Channel>();
  for (const channel of channels) {
    if (!CHANNEL_ID.test(channel.id)) throw new Error(`Channel id "${channel.id}" must be 2–31 lowercase letters, digits or dashes.`);
    if (channel.id === 'web' || byId.has(channel.id)) throw new Error(`Channel id "${channel.id}" is already taken.`);
    byId.set(channel.id, channel);
  }
  const all = [...byId.values()];
  return { get: (id) => byId.get(id), all: () => all };
}
