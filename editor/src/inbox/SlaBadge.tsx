import type { SlaClockView } from '@parley/shared';
import { readSla } from './clock';

/** One promise (first response or resolution) as time left, amber when close, red once broken. */
export function SlaBadge({ label, clock, now }: { label: string; clock: SlaClockView; now: number }) {
  const reading = readSla(clock, now);
  return (
    <span className={`sla sla-${reading.tone}`} title={clock.dueAt ? `Due ${new Date(clock.dueAt).toLocaleString()}` : undefined}>
      {label}: {reading.text}
    </span>
  );
}

/** The promise that matters now: first response until it is given, then resolution. */
export function SlaSummary({ sla, now }: { sla: { firstResponse: SlaClockView; resolution: SlaClockView } | null; now: number }) {
  if (!sla) return null;
  return sla.firstResponse.state === 'met' ? <SlaBadge label="Resolve" clock={sla.resolution} now={now} /> : <SlaBadge label="First response" clock={sla.firstResponse} now={now} />;
}
