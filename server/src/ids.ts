import { randomBytes } from 'node:crypto';

let pool = Buffer.alloc(0);
let offset = 0;

function randomHex(bytes: number): string {
  if (offset + bytes > pool.length) {
    // One syscall for many ids: the pipeline makes ids on every new session.
    pool = randomBytes(4096);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + bytes);
  offset += bytes;
  return hex;
}

/**
 * Ids with a readable prefix (`conv_…`, `pay_…`): time first, so that rows land at the end of their
 * index rather than at random places, then 80 random bits, so they are unguessable in public links.
 */
export function newId(prefix: string): string {
  return `${prefix}_${timeStamp(Date.now())}${randomHex(10)}`;
}

let stampedAt = -1;
let stamp = '';

// A number's base-36 text is a digit-by-digit division in V8; ids made in the same millisecond share it.
function timeStamp(ms: number): string {
  if (ms !== stampedAt) {
    stampedAt = ms;
    stamp = ms.toString(36).padStart(9, '0');
  }
  return stamp;
}
