import { useStore } from 'zustand';
import { type TeamsState, createTeamsStore } from './teams-store';

export const teamsStore = createTeamsStore();

export function useTeams<T>(selector: (state: TeamsState) => T): T {
  return useStore(teamsStore, selector);
}
