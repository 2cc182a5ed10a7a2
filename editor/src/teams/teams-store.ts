import type { CannedResponse, Team, TeamInput } from '@parley/shared';
import { createStore } from 'zustand/vanilla';
import * as api from '../api/inbox';

export interface TeamsState {
  teams: Team[] | null;
  canned: CannedResponse[] | null;
  error: string;
  loadTeams(): Promise<void>;
  /** Adds (no id) or replaces a team; answers the server's complaint, if any. */
  saveTeam(id: string | null, input: TeamInput): Promise<string | undefined>;
  removeTeam(id: string): Promise<void>;
  loadCanned(): Promise<void>;
  saveCanned(id: string | null, input: api.CannedInput): Promise<string | undefined>;
  removeCanned(id: string): Promise<void>;
}

/** The admin pages' data: teams and canned responses, reloaded after each change. */
export function createTeamsStore() {
  return createStore<TeamsState>()((set, get) => ({
    teams: null,
    canned: null,
    error: '',
    async loadTeams() {
      const answer = await api.listTeams();
      set(answer.ok ? { teams: answer.value, error: '' } : { error: answer.error.message });
    },
    async saveTeam(id, input) {
      const answer = id ? await api.updateTeam(id, input) : await api.createTeam(input);
      if (!answer.ok) return answer.error.field ? `${answer.error.field}: ${answer.error.message}` : answer.error.message;
      await get().loadTeams();
      return undefined;
    },
    async removeTeam(id) {
      const answer = await api.deleteTeam(id);
      if (!answer.ok) set({ error: answer.error.message });
      await get().loadTeams();
    },
    async loadCanned() {
      const answer = await api.listCanned();
      set(answer.ok ? { canned: answer.value, error: '' } : { error: answer.error.message });
    },
    async saveCanned(id, input) {
      const answer = id ? await api.updateCanned(id, input) : await api.createCanned(input);
      if (!answer.ok) return answer.error.field ? `${answer.error.field}: ${answer.error.message}` : answer.error.message;
      await get().loadCanned();
      return undefined;
    },
    async removeCanned(id) {
      const answer = await api.deleteCanned(id);
      if (!answer.ok) set({ error: answer.error.message });
      await get().loadCanned();
    },
  }));
}
