import type { AgentReply, CannedResponse, InboxDetail, InboxList, InboxView, Team } from '@parley/shared';
import { createStore } from 'zustand/vanilla';
import * as api from '../api/inbox';
import type { ApiResult } from '../api/http';
import { remember, rememberedOnline } from './presence-memory';

export interface InboxState {
  /** Whose inbox this is (a user id, or "token"): a different sign-in starts from scratch. */
  agentKey: string | null;
  view: InboxView;
  /** The queue the list is narrowed to; null: every queue. */
  team: string | null;
  list: InboxList | null;
  listError: string;
  openId: string | null;
  detail: InboxDetail | null;
  detailError: string;
  /** The last action's failure, shown above the reply box. */
  actionError: string;
  busy: boolean;
  online: boolean;
  presenceError: string;
  teams: Team[];
  canned: CannedResponse[];
  /** The clock the SLA and wait times are read against; ticks every 30 s. */
  now: number;
}

export interface InboxActions {
  /** Opens the inbox for a signed-in agent: loads it, and says their remembered presence again. */
  begin(agentKey: string): Promise<void>;
  setView(view: InboxView): Promise<void>;
  setTeam(team: string | null): Promise<void>;
  refreshList(): Promise<void>;
  open(handoffId: string | null): Promise<void>;
  refreshDetail(): Promise<void>;
  /** What a live event triggers: the list and counts, and the open conversation. */
  refreshAll(): Promise<void>;
  loadReference(): Promise<void>;
  reply(reply: AgentReply): Promise<boolean>;
  note(text: string): Promise<boolean>;
  claim(): Promise<boolean>;
  assign(to: { agentId?: string | null; teamKey?: string }): Promise<boolean>;
  resolve(handBack: api.HandBack): Promise<boolean>;
  setOnline(online: boolean): Promise<boolean>;
  tick(now: number): void;
}

export type InboxStore = InboxState & InboxActions;

export function createInboxStore(clock: () => number = Date.now) {
  return createStore<InboxStore>()((set, get) => {
    // Answers can arrive out of order (a view switched while a list was loading): only the latest request counts.
    let listRequest = 0;
    let detailRequest = 0;

    /** Runs an action on the open conversation, then refetches what the inbox shows. */
    async function act(call: (handoffId: string) => Promise<ApiResult<unknown>>): Promise<boolean> {
      const id = get().openId;
      if (!id) return false;
      set({ busy: true, actionError: '' });
      const answer = await call(id);
      set({ busy: false, actionError: answer.ok ? '' : answer.error.message });
      await get().refreshAll();
      return answer.ok;
    }

    const blank = (): InboxState => ({
      agentKey: null,
      view: 'waiting',
      team: null,
      list: null,
      listError: '',
      openId: null,
      detail: null,
      detailError: '',
      actionError: '',
      busy: false,
      online: false,
      presenceError: '',
      teams: [],
      canned: [],
      now: clock(),
    });

    return {
      ...blank(),

      async begin(agentKey) {
        if (get().agentKey !== agentKey) set({ ...blank(), agentKey });
        const online = rememberedOnline(agentKey);
        await Promise.all([get().refreshList(), get().loadReference(), online === null ? undefined : get().setOnline(online)]);
      },

      async setView(view) {
        set({ view });
        await get().refreshList();
      },
      async setTeam(team) {
        set({ team });
        await get().refreshList();
      },
      async refreshList() {
        const mine = ++listRequest;
        const answer = await api.listInbox(get().view, get().team);
        if (mine !== listRequest) return;
        if (answer.ok) set({ list: answer.value, listError: '', now: clock() });
        else set({ listError: answer.error.message });
      },
      async open(handoffId) {
        set({ openId: handoffId, detail: null, detailError: '', actionError: '' });
        if (handoffId) await get().refreshDetail();
      },
      async refreshDetail() {
        const id = get().openId;
        if (!id) return;
        const mine = ++detailRequest;
        const answer = await api.getInboxItem(id);
        if (mine !== detailRequest || get().openId !== id) return;
        if (answer.ok) set({ detail: answer.value, detailError: '', now: clock() });
        else set({ detailError: answer.error.status === 404 ? 'This conversation is no longer in the inbox.' : answer.error.message });
      },
      async refreshAll() {
        await Promise.all([get().refreshList(), get().refreshDetail()]);
      },
      async loadReference() {
        const [teams, canned] = await Promise.all([api.listTeams(), api.listCanned()]);
        set({ teams: teams.ok ? teams.value : [], canned: canned.ok ? canned.value : [] });
      },

      reply: (reply) => act((id) => api.sendReply(id, reply)),
      note: (text) => act((id) => api.addNote(id, text)),
      claim: () => act((id) => api.claim(id)),
      assign: (to) => act((id) => api.assign(id, to)),
      resolve: (handBack) => act((id) => api.resolve(id, handBack)),
      async setOnline(online) {
        // The switch moves at once; it moves back if the server refuses.
        const before = get().online;
        set({ online });
        const answer = await api.setPresence(online);
        if (answer.ok) {
          set({ online: answer.value.online, presenceError: '' });
          const agentKey = get().agentKey;
          if (agentKey) remember(agentKey, answer.value.online);
        } else set({ online: before, presenceError: answer.error.message });
        return answer.ok;
      },
      tick: (now) => set({ now }),
    };
  });
}
