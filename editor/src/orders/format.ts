/** A moment as the reader's locale writes it, to the minute. */
export const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The end of an id (`ord_…k2qa`): enough to tell orders apart at a glance; the whole id is in the title. */
export const shortId = (id: string) => (id.length > 12 ? `…${id.slice(-8)}` : id);
