import { type Team, type TeamInput, WEEKDAYS, type Weekday, teamInputSchema } from '@parley/shared';

export interface Range {
  from: string;
  to: string;
}

/** The team form as typed: numbers as text, hours and SLA switchable off (null on the wire). */
export interface TeamForm {
  key: string;
  name: string;
  memberIds: string[];
  hoursOn: boolean;
  timezone: string;
  weekly: Record<Weekday, Range[]>;
  holidays: string[];
  slaOn: boolean;
  firstResponseMinutes: string;
  resolutionMinutes: string;
  autoAssign: boolean;
  maxOpenPerAgent: string;
}

const OFFICE_DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const week = (ranges: (day: Weekday) => Range[]): Record<Weekday, Range[]> => ({
  sun: ranges('sun'),
  mon: ranges('mon'),
  tue: ranges('tue'),
  wed: ranges('wed'),
  thu: ranges('thu'),
  fri: ranges('fri'),
  sat: ranges('sat'),
});

export function emptyTeamForm(): TeamForm {
  return {
    key: '',
    name: '',
    memberIds: [],
    hoursOn: false,
    timezone: localZone(),
    weekly: week((day) => (OFFICE_DAYS.includes(day) ? [{ from: '09:00', to: '17:00' }] : [])),
    holidays: [],
    slaOn: false,
    firstResponseMinutes: '15',
    resolutionMinutes: '240',
    autoAssign: true,
    maxOpenPerAgent: '5',
  };
}

export function formFromTeam(team: Team): TeamForm {
  const empty = emptyTeamForm();
  const hours = team.businessHours;
  return {
    key: team.key,
    name: team.name,
    memberIds: [...team.memberIds],
    hoursOn: hours !== null,
    timezone: hours?.timezone ?? empty.timezone,
    weekly: hours ? week((day) => (hours.weekly[day] ?? []).map((range) => ({ ...range }))) : empty.weekly,
    holidays: hours ? [...hours.holidays] : [],
    slaOn: team.sla !== null,
    firstResponseMinutes: String(team.sla?.firstResponseMinutes ?? empty.firstResponseMinutes),
    resolutionMinutes: String(team.sla?.resolutionMinutes ?? empty.resolutionMinutes),
    autoAssign: team.autoAssign,
    maxOpenPerAgent: String(team.maxOpenPerAgent),
  };
}

/** "" stays "" (so the schema names the field), anything else becomes a number (NaN when it is none). */
const number = (text: string): number | string => (text.trim() === '' ? text : Number(text));

export type FormErrors = Record<string, string>;

/** The form as the API takes it, checked with the contract's own schema; errors keyed by field path ("sla.firstResponseMinutes"). */
export function teamInputFrom(form: TeamForm): { ok: true; value: TeamInput } | { ok: false; errors: FormErrors } {
  const candidate = {
    key: form.key.trim(),
    name: form.name,
    memberIds: form.memberIds,
    businessHours: form.hoursOn ? { timezone: form.timezone, weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, form.weekly[day]])), holidays: form.holidays.filter((date) => date.trim() !== '') } : null,
    sla: form.slaOn ? { firstResponseMinutes: number(form.firstResponseMinutes), resolutionMinutes: number(form.resolutionMinutes) } : null,
    autoAssign: form.autoAssign,
    maxOpenPerAgent: number(form.maxOpenPerAgent),
  };
  const parsed = teamInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return { ok: false, errors };
}
