import { eq } from 'drizzle-orm';
import { type BotRow, bots } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, fail, notFound, ok } from '../errors';

/** The bot's row, or a 404 naming it: every per-bot operation starts here. */
export function findBot({ store }: AppDeps, botId: string): Result<BotRow> {
  const row = store.db.select().from(bots).where(eq(bots.id, botId)).get();
  return row ? ok(row) : fail(notFound('Bot', botId));
}
