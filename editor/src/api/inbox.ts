import {
  type AgentReply,
  type InboxView,
  type TeamInput,
  cannedResponseSchema,
  inboxDetailSchema,
  inboxListSchema,
  teamSchema,
} from '@parley/shared';
import { z } from 'zod';
import { request } from './http';

/** The inbox, its teams and canned responses; the wire contract is shared/src/inbox.ts. */
const enc = encodeURIComponent;

export const listInbox = (view: InboxView, team: string | null) =>
  request('GET', `/api/inbox?view=${view}${team ? `&team=${enc(team)}` : ''}`, inboxListSchema);
export const getInboxItem = (handoffId: string) => request('GET', `/api/inbox/${enc(handoffId)}`, inboxDetailSchema);

/** The actions answer with the hand-off as it now is, or nothing useful: the inbox refetches what it shows either way. */
const done = z.unknown();
const action = (handoffId: string, name: string, body: unknown) => request('POST', `/api/inbox/${enc(handoffId)}/${name}`, done, { body });

export const sendReply = (handoffId: string, reply: AgentReply) => action(handoffId, 'reply', reply);
export const addNote = (handoffId: string, text: string) => action(handoffId, 'note', { text });
/** To an agent (null: back to the queue), or to another team's queue. */
export const assign = (handoffId: string, to: { agentId?: string | null; teamKey?: string }) => action(handoffId, 'assign', to);
export type HandBack = { to: 'node'; nodeId: string } | { to: 'waiting' } | { to: 'end' };
export const resolve = (handoffId: string, handBack: HandBack) => action(handoffId, 'resolve', { handBack });
export const setPresence = (online: boolean) => request('PUT', '/api/inbox/presence', done, { body: { online } });

/** A list answer, whether wrapped in `{ <key>: [...] }` or bare. */
const listOf = <S extends z.ZodType>(key: string, item: S) => z.union([z.object({ [key]: z.array(item) }).transform((body) => z.array(item).parse(body[key])), z.array(item)]);
/** One record, whether wrapped in `{ <key>: {...} }` or bare. */
const oneOf = <S extends z.ZodType>(key: string, item: S) => z.union([z.object({ [key]: item }).transform((body) => item.parse(body[key])), item]);

export const listTeams = () => request('GET', '/api/teams', listOf('teams', teamSchema));
export const createTeam = (input: TeamInput) => request('POST', '/api/teams', oneOf('team', teamSchema), { body: input });
export const updateTeam = (id: string, input: TeamInput) => request('PUT', `/api/teams/${enc(id)}`, oneOf('team', teamSchema), { body: input });
export const deleteTeam = (id: string) => request('DELETE', `/api/teams/${enc(id)}`, done);

export interface CannedInput {
  shortcut: string;
  text: string;
  teamKey: string | null;
}
export const listCanned = () => request('GET', '/api/canned-responses', listOf('cannedResponses', cannedResponseSchema));
export const createCanned = (input: CannedInput) => request('POST', '/api/canned-responses', oneOf('cannedResponse', cannedResponseSchema), { body: input });
export const updateCanned = (id: string, input: CannedInput) => request('PUT', `/api/canned-responses/${enc(id)}`, oneOf('cannedResponse', cannedResponseSchema), { body: input });
export const deleteCanned = (id: string) => request('DELETE', `/api/canned-responses/${enc(id)}`, done);
