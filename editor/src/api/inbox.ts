import {
  type AgentReply,
  type InboxView,
  type TeamInput,
  cannedResponseSchema,
  inboxAgentsSchema,
  inboxDetailSchema,
  inboxListSchema,
  presenceSchema,
  teamSchema,
} from '@parley/shared';
import { z } from 'zod';
import { request } from './http';

/** The inbox, its teams and canned responses; the wire contract is shared/src/inbox.ts. */
const enc = encodeURIComponent;

export const listInbox = (view: InboxView, team: string | null) =>
  request('GET', `/api/inbox?view=${view}${team ? `&team=${enc(team)}` : ''}`, inboxListSchema);
/** Everyone a conversation can go to; every agent may read it (unlike the users, which only admins manage). */
export const listAgents = () => request('GET', '/api/inbox/agents', inboxAgentsSchema);
export const getInboxItem = (handoffId: string) => request('GET', `/api/inbox/${enc(handoffId)}`, inboxDetailSchema);

/** The actions answer with the hand-off as it now is, or nothing useful: the inbox refetches what it shows either way. */
const done = z.unknown();
const action = (handoffId: string, name: string, body: unknown) => request('POST', `/api/inbox/${enc(handoffId)}/${name}`, done, { body });

export const sendReply = (handoffId: string, reply: AgentReply) => action(handoffId, 'reply', reply);
/** Takes a waiting conversation for the signed-in agent (409 when someone else has it). */
export const claim = (handoffId: string) => action(handoffId, 'claim', {});
export const addNote = (handoffId: string, text: string) => action(handoffId, 'note', { text });
/** To an agent (null: back to the queue), or to another team's queue. */
export const assign = (handoffId: string, to: { agentId?: string | null; teamKey?: string }) => action(handoffId, 'assign', to);
export type HandBack = { to: 'node'; nodeId: string } | { to: 'waiting' } | { to: 'end' };
export const resolve = (handoffId: string, handBack: HandBack) => action(handoffId, 'resolve', { handBack });
export const setPresence = (online: boolean) => request('PUT', '/api/inbox/presence', presenceSchema, { body: { online } });

const teams = z.object({ teams: z.array(teamSchema) }).transform((body) => body.teams);
const team = z.object({ team: teamSchema }).transform((body) => body.team);
const cannedList = z.object({ cannedResponses: z.array(cannedResponseSchema) }).transform((body) => body.cannedResponses);
const canned = z.object({ cannedResponse: cannedResponseSchema }).transform((body) => body.cannedResponse);

export const listTeams = () => request('GET', '/api/teams', teams);
export const createTeam = (input: TeamInput) => request('POST', '/api/teams', team, { body: input });
export const updateTeam = (id: string, input: TeamInput) => request('PUT', `/api/teams/${enc(id)}`, team, { body: input });
export const deleteTeam = (id: string) => request('DELETE', `/api/teams/${enc(id)}`, done);

export interface CannedInput {
  shortcut: string;
  text: string;
  teamKey: string | null;
}
export const listCanned = () => request('GET', '/api/canned-responses', cannedList);
export const createCanned = (input: CannedInput) => request('POST', '/api/canned-responses', canned, { body: input });
export const updateCanned = (id: string, input: CannedInput) => request('PUT', `/api/canned-responses/${enc(id)}`, canned, { body: input });
export const deleteCanned = (id: string) => request('DELETE', `/api/canned-responses/${enc(id)}`, done);
