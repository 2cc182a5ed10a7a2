import { type Reply, replySchema } from '@parley/shared';
import { z } from 'zod';

const botListSchema = z.object({ bots: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().optional() }).loose()) });
export type BotSummary = z.infer<typeof botListSchema>['bots'][number];

const errorSchema = z.object({ error: z.object({ message: z.string() }) });

async function readError(response: Response): Promise<string> {
  const parsed = errorSchema.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data.error.message : `HTTP ${response.status}`;
}

export async function listBots(token: string): Promise<{ ok: true; bots: BotSummary[] } | { ok: false; error: string }> {
  const response = await fetch('/api/bots', { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) return { ok: false, error: await readError(response) };
  const parsed = botListSchema.safeParse(await response.json());
  return parsed.success ? { ok: true, bots: parsed.data.bots } : { ok: false, error: 'Unexpected answer from the server.' };
}

const turnSchema = z.object({ replies: z.array(replySchema) });

export async function sendMessage(botId: string, body: { conversationId: string; text?: string; payload?: string; title?: string }): Promise<{ ok: true; replies: Reply[] } | { ok: false; error: string }> {
  const response = await fetch(`/webhooks/web/${encodeURIComponent(botId)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) return { ok: false, error: await readError(response) };
  const parsed = turnSchema.safeParse(await response.json());
  return parsed.success ? { ok: true, replies: parsed.data.replies } : { ok: false, error: 'Unexpected answer from the server.' };
}
