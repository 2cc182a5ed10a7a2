import { WEEKDAYS, type Weekday } from '@parley/shared';
import type { FormErrors, Range, TeamForm } from './team-form';

const DAY_NAMES: Record<Weekday, string> = { sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday' };
/** Monday first, as most rotas are written. */
const DAYS: readonly Weekday[] = [...WEEKDAYS.slice(1), 'sun'];

const zones = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

type Hours = Pick<TeamForm, 'timezone' | 'weekly' | 'holidays'>;

/** Weekly opening ranges per day in a time zone, and the holidays when nobody works. */
export function BusinessHoursEditor({ hours, errors, onChange }: { hours: Hours; errors: FormErrors; onChange(hours: Hours): void }) {
  const setDay = (day: Weekday, ranges: Range[]) => onChange({ ...hours, weekly: { ...hours.weekly, [day]: ranges } });
  return (
    <fieldset className="hours">
      <legend>Business hours</legend>
      <label>
        Time zone
        <select value={hours.timezone} onChange={(e) => onChange({ ...hours, timezone: e.target.value })}>
          {!zones.includes(hours.timezone) && <option value={hours.timezone}>{hours.timezone}</option>}
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      {errors['businessHours.timezone'] && <p className="field-error">{errors['businessHours.timezone']}</p>}
      <table className="hours-table">
        <tbody>
          {DAYS.map((day) => (
            <tr key={day}>
              <th scope="row">{DAY_NAMES[day]}</th>
              <td>
                {hours.weekly[day].length === 0 && <span className="hint">Closed</span>}
                {hours.weekly[day].map((range, index) => {
                  const edit = (patch: Partial<Range>) => setDay(day, hours.weekly[day].map((r, at) => (at === index ? { ...r, ...patch } : r)));
                  const error = errors[`businessHours.weekly.${day}.${index}.to`] ?? errors[`businessHours.weekly.${day}.${index}.from`];
                  return (
                    <span key={index} className="range">
                      <input type="time" aria-label={`${DAY_NAMES[day]} opens (${index + 1})`} value={range.from} onChange={(e) => edit({ from: e.target.value })} />
                      –
                      <input type="time" aria-label={`${DAY_NAMES[day]} closes (${index + 1})`} value={range.to} onChange={(e) => edit({ to: e.target.value })} />
                      <button type="button" className="icon" aria-label={`Remove ${DAY_NAMES[day]} range ${index + 1}`} onClick={() => setDay(day, hours.weekly[day].filter((_, at) => at !== index))}>
                        ×
                      </button>
                      {error && <span className="field-error">{error}</span>}
                    </span>
                  );
                })}
                <button type="button" className="link" aria-label={`Add hours on ${DAY_NAMES[day]}`} onClick={() => setDay(day, [...hours.weekly[day], { from: '09:00', to: '17:00' }])}>
                  Add hours
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="holidays">
        <span>Holidays</span>
        {hours.holidays.map((date, index) => (
          <span key={index} className="range">
            <input type="date" aria-label={`Holiday ${index + 1}`} value={date} onChange={(e) => onChange({ ...hours, holidays: hours.holidays.map((d, at) => (at === index ? e.target.value : d)) })} />
            <button type="button" className="icon" aria-label={`Remove holiday ${index + 1}`} onClick={() => onChange({ ...hours, holidays: hours.holidays.filter((_, at) => at !== index) })}>
              ×
            </button>
          </span>
        ))}
        <button type="button" className="link" onClick={() => onChange({ ...hours, holidays: [...hours.holidays, ''] })}>
          Add a holiday
        </button>
        {Object.entries(errors)
          .filter(([path]) => path.startsWith('businessHours.holidays'))
          .slice(0, 1)
          .map(([path, message]) => (
            <p key={path} className="field-error">
              {message}
            </p>
          ))}
      </div>
    </fieldset>
  );
}
