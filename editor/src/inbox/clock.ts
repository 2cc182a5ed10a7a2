import type { SlaClockView } from '@parley/shared';

/** "3 min", "2 h 05 min", "1 d 4 h": a duration the way a person reads it at a glance. */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** How long the customer has waited since the hand-off, or since it was resolved. */
export function waitingText(item: { status: string; queuedAt: string; resolvedAt: string | null; firstResponseAt: string | null }, now: number): string {
  if (item.status === 'resolved' && item.resolvedAt) return `resolved ${duration(now - Date.parse(item.resolvedAt))} ago`;
  if (item.firstResponseAt) return `open ${duration(now - Date.parse(item.queuedAt))}`;
  return `waiting ${duration(now - Date.parse(item.queuedAt))}`;
}

export type SlaTone = 'ok' | 'soon' | 'breached' | 'met';
export interface SlaReading {
  tone: SlaTone;
  text: string;
}

/** A promise read at `now`: the server's clock moves on between refetches, so time left is counted here from `dueAt`. */
export function readSla(clock: SlaClockView, now: number): SlaReading {
  if (clock.state === 'met') return { tone: 'met', text: 'met' };
  const left = clock.dueAt ? Date.parse(clock.dueAt) - now : clock.remainingMinutes === null ? null : clock.remainingMinutes * 60_000;
  if (clock.state === 'breached' || (left !== null && left <= 0)) return { tone: 'breached', text: left === null ? 'overdue' : `overdue by ${duration(-left)}` };
  // No due time: the team is closed now and the clock stands still until it opens.
  if (left === null) return { tone: 'ok', text: 'paused (closed)' };
  return { tone: left <= 5 * 60_000 ? 'soon' : 'ok', text: `${duration(left)} left` };
}
