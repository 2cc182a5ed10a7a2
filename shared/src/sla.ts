import { type BusinessHours, addBusinessMinutes, businessMinutesBetween } from './business-hours';

/** A team's response-time promise, in business minutes. */
export interface SlaTargets {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

export interface SlaClock {
  /** When the promise falls due; null when the team never opens. */
  dueAt: Date | null;
  /** Business minutes left (negative once breached); null when met or when it never falls due. */
  remainingMinutes: number | null;
  state: 'running' | 'met' | 'breached';
}

/**
 * Where one promise stands: counted in the team's business hours from `since`, met if `doneAt`
 * came before it fell due. A clock that is met stays met; one that was late stays breached.
 */
export function slaClock(hours: BusinessHours, minutes: number, since: Date, doneAt: Date | null, now: Date): SlaClock {
  const dueAt = addBusinessMinutes(hours, since, minutes);
  if (doneAt) return { dueAt, remainingMinutes: null, state: dueAt === null || doneAt <= dueAt ? 'met' : 'breached' };
  if (dueAt === null) return { dueAt, remainingMinutes: null, state: 'running' };
  if (now <= dueAt) return { dueAt, remainingMinutes: minutes - businessMinutesBetween(hours, since, now), state: 'running' };
  return { dueAt, remainingMinutes: -businessMinutesBetween(hours, dueAt, now), state: 'breached' };
}

/** Both promises of a conversation waiting for a person. */
export function slaStatus(
  hours: BusinessHours,
  targets: SlaTargets,
  times: { queuedAt: Date; firstResponseAt: Date | null; resolvedAt: Date | null },
  now: Date,
): { firstResponse: SlaClock; resolution: SlaClock } {
  return {
    firstResponse: slaClock(hours, targets.firstResponseMinutes, times.queuedAt, times.firstResponseAt, now),
    resolution: slaClock(hours, targets.resolutionMinutes, times.queuedAt, times.resolvedAt, now),
  };
}
