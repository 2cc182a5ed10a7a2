import type { InboxDetail } from '@parley/shared';
import { z } from 'zod';
import { createWindowCheck } from '../channels/window';
import type { Store } from '../db/open';
import { perStore } from '../db/per-store';
import type { AppDeps } from '../deps';

export type AgentWindow = InboxDetail['window'];
type Conversation = { key: number; id: string; botId: string; channel: string };

/** What the connection allows outside the window: a WhatsApp template, a Messenger message tag. */
const whatsappTemplate = z.object({ templateName: z.string().min(1), templateLanguage: z.string().optional() });
const messengerTag = z.object({ messageTag: z.string().min(1) });

const windowCheck = perStore((store: Store) => createWindowCheck(store));

export function templatesOf(config: Record<string, unknown> | undefined): { name: string; language: string | null }[] {
  const template = whatsappTemplate.safeParse(config);
  if (template.success) return [{ name: template.data.templateName, language: template.data.templateLanguage ?? null }];
  const tag = messengerTag.safeParse(config);
  return tag.success ? [{ name: tag.data.messageTag, language: null }] : [];
}

/**
 * Whether a person's message can go out on the conversation's channel now: the one place the inbox
 * asks. Built on the channel's service window (channels/window.ts) and its connection's config.
 */
export function agentWindow(deps: Pick<AppDeps, 'store' | 'channels' | 'connections'>, conversation: Conversation, now: Date): AgentWindow {
  const channel = deps.channels.get(conversation.channel);
  if (!channel?.window) return { open: true };
  // A person's reply: Messenger's HUMAN_AGENT tag keeps the window open longer for people than for the bot.
  const state = windowCheck(deps.store)(channel.window, conversation, now, 'agent');
  if (state.open) return { open: true };
  const templates = templatesOf(deps.connections.get(conversation.botId, conversation.channel)?.config);
  const way = templates.length > 0 ? 'choose an approved template to write again' : `the ${channel.title} connection names no template or tag to write again`;
  return { open: false, reason: `${channel.title} takes a person's free-form messages only within its reply window, and ${state.reason}: ${way}.`, templates };
}
