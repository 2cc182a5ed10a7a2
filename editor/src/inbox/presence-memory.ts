/**
 * The server keeps an agent's presence but does not report it: the agent's last choice is kept in
 * this browser, per agent, and said again when their inbox opens, so a reload does not show "Away"
 * while the server has them online (or the other way round).
 */
const keyFor = (agentKey: string) => `parley.inbox.online.${agentKey}`;

export function remember(agentKey: string, online: boolean): void {
  try {
    localStorage.setItem(keyFor(agentKey), online ? 'online' : 'away');
  } catch {
    // Storage refused (private mode): the switch still works for this visit.
  }
}

export function rememberedOnline(agentKey: string): boolean | null {
  try {
    const stored = localStorage.getItem(keyFor(agentKey));
    return stored === null ? null : stored === 'online';
  } catch {
    return null;
  }
}
