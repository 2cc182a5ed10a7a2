import { type Inbound, type Reply, inboundJson, isoTime, repliesToJson } from '@parley/shared';
import { type AppError, type Result, fail, ok } from '../errors';
import type { TurnCommitter } from './committer';
import type { Directory } from './directory';
import { GuardRefused } from './guards';
import type { ConversationAddress, ConversationState } from './load';
import { type TurnWrite, emptyWrites } from './writes';

/** A turn ready to commit: what ran, and what it writes. */
export interface PreparedTurn {
  address: ConversationAddress;
  key: string;
  state: ConversationState | undefined;
  conversationId: string;
  inbound: Inbound;
  externalId: string | null;
  replies: Reply[];
  /** The session as it stands after the turn. */
  session: ConversationState['session'];
  writes: ReturnType<typeof emptyWrites>;
  now: Date;
}

/**
 * Makes a turn durable (group commit), then caches where its conversation stands; answers the replies
 * as JSON. Not async, as the path it is on (see `runAndCommit` in pipeline.ts).
 */
export const commitTurnWith = (directory: Directory, commit: TurnCommitter) =>
  function commitTurn(turn: PreparedTurn): Promise<Result<string>> {
    const { address, key, state, session, now } = turn;
    const repliesJson = repliesToJson(turn.replies);
    // Fields named, not `...turn.writes`: adding fields to a spread copy made a new hidden class per turn (Node 20's V8).
    const { events, waitlist, handoffs, timers, guards } = turn.writes;
    const write: TurnWrite = {
      events,
      waitlist,
      handoffs,
      timers,
      guards,
      conversation: { key: state?.key, id: turn.conversationId, botId: address.botId, channel: address.channel, externalKey: address.externalKey },
      turn: {
        sessionId: session?.id ?? null,
        flowVersionId: session?.flowVersionId ?? null,
        kind: turn.inbound.kind,
        inbound: inboundJson(turn.inbound),
        externalId: turn.externalId,
        replies: repliesJson,
        state: session === null ? null : JSON.stringify(session.data),
        createdAt: isoTime(now),
      },
    };
    return commit.submit(write).then(
      (conversationKeyInStore): Result<string> => {
        // A settled payment moved stock in that transaction: product nodes must see it from now on.
        if (write.guards.some((g) => g.kind === 'settlePayment')) directory.forgetProducts(address.botId);
        directory.conversations.set(key, {
          key: conversationKeyInStore,
          id: turn.conversationId,
          botId: address.botId,
          channel: address.channel,
          externalKey: address.externalKey,
          session,
        });
        return ok(repliesJson);
      },
      (error: unknown) => {
        directory.conversations.delete(key);
        return fail(commitFailure(error));
      },
    );
  };

function commitFailure(error: unknown): AppError {
  if (error instanceof GuardRefused) return { status: 409, code: 'conflict', message: error.message };
  // Two new conversations sent the same messageId in the same moment: the store's unique index caught it.
  if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes('turns.external_id'))
    return { status: 409, code: 'duplicate_message_id', field: 'messageId', message: 'This messageId was already used in another conversation.' };
  // Anything else is the store failing (disk full, I/O error, locked for too long): worth an operator's look.
  console.error('Turn commit failed:', error);
  return { status: 503, code: 'store_unavailable', message: 'The message could not be stored; nothing was processed. Please retry.' };
}
