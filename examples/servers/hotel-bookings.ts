import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

/**
 * A small booking system for the hotel-concierge example: room types with a number of rooms each,
 * bookings that block nights, and an availability endpoint the bot's HTTP node calls.
 *
 *   GET  /availability?date=2026-06-14&nights=3  → { date, nights, checkOut, available, price, currency, roomTypes }
 *   POST /bookings { date, nights, roomType, rooms? }  → 201 { booking } | 409 when the rooms are gone
 *   GET  /bookings                               → { bookings }
 *
 * Run it with `node --import tsx examples/servers/hotel-bookings.ts` (PORT, default 4010).
 */

export interface RoomType {
  id: string;
  name: string;
  rooms: number;
  /** Nightly rate, Sunday to Thursday nights. */
  rate: number;
  /** Nightly rate, Friday and Saturday nights. */
  weekendRate: number;
}

export interface Booking {
  id: string;
  roomType: string;
  /** First night, YYYY-MM-DD. */
  date: string;
  nights: number;
  rooms: number;
}

export const CURRENCY = 'EUR';
export const MAX_NIGHTS = 30;
/** How far ahead the hotel takes bookings. */
export const BOOKING_HORIZON_DAYS = 365;

export const defaultRoomTypes: readonly RoomType[] = [
  { id: 'classic', name: 'Classic Double', rooms: 12, rate: 145, weekendRate: 165 },
  { id: 'river', name: 'Superior River View', rooms: 8, rate: 189, weekendRate: 215 },
  { id: 'suite', name: 'Miradouro Junior Suite', rooms: 4, rate: 260, weekendRate: 295 },
];

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a real calendar date, else undefined. */
function dayNumber(date: string): number | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms / DAY_MS;
}

const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const isWeekendNight = (day: number): boolean => [5, 6].includes(new Date(day * DAY_MS).getUTCDay());

export class HotelInventory {
  readonly roomTypes: readonly RoomType[];
  readonly bookings: Booking[] = [];
  private nextId = 1;

  constructor(roomTypes: readonly RoomType[] = defaultRoomTypes, private readonly today: () => string = () => new Date().toISOString().slice(0, 10)) {
    this.roomTypes = roomTypes;
  }

  /** Rooms of a type already taken on one night. */
  private taken(roomType: string, night: number): number {
    let count = 0;
    for (const booking of this.bookings) {
      const first = dayNumber(booking.date) ?? Number.NaN;
      if (booking.roomType === roomType && night >= first && night < first + booking.nights) count += booking.rooms;
    }
    return count;
  }

  /** Rooms of a type free on every night of a stay: the tightest night decides. */
  free(roomType: RoomType, first: number, nights: number): number {
    let free = roomType.rooms;
    for (let night = first; night < first + nights; night++) free = Math.min(free, roomType.rooms - this.taken(roomType.id, night));
    return Math.max(0, free);
  }

  /** A stay's dates checked: why they cannot be booked, or the first night as a day number. */
  checkStay(date: unknown, nights: unknown): { ok: true; first: number; nights: number } | { ok: false; message: string } {
    const first = typeof date === 'string' ? dayNumber(date) : undefined;
    if (first === undefined) return { ok: false, message: 'date must be a calendar date written YYYY-MM-DD' };
    const count = typeof nights === 'string' && /^\d+$/.test(nights) ? Number(nights) : nights;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_NIGHTS)
      return { ok: false, message: `nights must be a whole number from 1 to ${MAX_NIGHTS}` };
    const today = dayNumber(this.today()) ?? 0;
    if (first < today) return { ok: false, message: `The arrival date ${isoDay(first)} has already passed` };
    if (first > today + BOOKING_HORIZON_DAYS) return { ok: false, message: `We take bookings up to ${BOOKING_HORIZON_DAYS} days ahead` };
    return { ok: true, first, nights: count };
  }

  /** Average nightly price of a stay in one room type (weekend nights cost more), to the cent. */
  stayRate(roomType: RoomType, first: number, nights: number): number {
    let total = 0;
    for (let night = first; night < first + nights; night++) total += isWeekendNight(night) ? roomType.weekendRate : roomType.rate;
    return Math.round((total / nights) * 100) / 100;
  }

  availability(first: number, nights: number) {
    const roomTypes = this.roomTypes.map((type) => ({
      id: type.id,
      name: type.name,
      available: this.free(type, first, nights),
      price: this.stayRate(type, first, nights),
    }));
    const open = roomTypes.filter((type) => type.available > 0);
    const cheapest = open.reduce<(typeof open)[number] | undefined>((best, type) => (best === undefined || type.price < best.price ? type : best), undefined);
    return {
      date: isoDay(first),
      nights,
      checkOut: isoDay(first + nights),
      available: roomTypes.reduce((sum, type) => sum + type.available, 0),
      /** The lowest average nightly price among room types still free, null when none is. */
      price: cheapest ? cheapest.price : null,
      cheapestRoomType: cheapest ? cheapest.name : null,
      currency: CURRENCY,
      roomTypes,
    };
  }

  book(input: { date?: unknown; nights?: unknown; roomType?: unknown; rooms?: unknown }): { ok: true; booking: Booking } | { ok: false; status: number; message: string } {
    const stay = this.checkStay(input.date, input.nights);
    if (!stay.ok) return { ok: false, status: 422, message: stay.message };
    const type = this.roomTypes.find((t) => t.id === input.roomType);
    if (!type) return { ok: false, status: 422, message: `roomType must be one of ${this.roomTypes.map((t) => t.id).join(', ')}` };
    const rooms = input.rooms ?? 1;
    if (typeof rooms !== 'number' || !Number.isInteger(rooms) || rooms < 1) return { ok: false, status: 422, message: 'rooms must be a whole number of at least 1' };
    const free = this.free(type, stay.first, stay.nights);
    if (free < rooms) {
      const left = free === 0 ? `No ${type.name} rooms are` : `Only ${free} ${type.name} ${free === 1 ? 'room is' : 'rooms are'}`;
      return { ok: false, status: 409, message: `${left} free for those nights` };
    }
    const booking: Booking = { id: `B${String(this.nextId++).padStart(4, '0')}`, roomType: type.id, date: isoDay(stay.first), nights: stay.nights, rooms };
    this.bookings.push(booking);
    return { ok: true, booking };
  }
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

const MAX_BODY = 10_000;

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > MAX_BODY) throw new Error('The body is too large');
  }
  return JSON.parse(text);
}

export function createHotelBookingsServer(inventory: HotelInventory = new HotelInventory()): http.Server {
  return http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = `${request.method} ${url.pathname}`;
    if (route === 'GET /availability') {
      const stay = inventory.checkStay(url.searchParams.get('date'), url.searchParams.get('nights'));
      if (!stay.ok) return send(response, 422, { error: { message: stay.message } });
      return send(response, 200, inventory.availability(stay.first, stay.nights));
    }
    if (route === 'GET /bookings') return send(response, 200, { bookings: inventory.bookings });
    if (route === 'POST /bookings') {
      readJson(request).then(
        (body) => {
          const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
          const booked = inventory.book(fields);
          if (booked.ok) send(response, 201, { booking: booked.booking });
          else send(response, booked.status, { error: { message: booked.message } });
        },
        () => send(response, 400, { error: { message: 'Send the booking as a JSON object' } }),
      );
      return;
    }
    if (route === 'GET /health') return send(response, 200, { ok: true });
    send(response, 404, { error: { message: `No route ${route}` } });
  });
}

export interface HotelBookings {
  url: string;
  port: number;
  inventory: HotelInventory;
  close(): Promise<void>;
}

/** Starts the booking API; port 0 picks a free one. */
export function startHotelBookings(port = 4010, inventory: HotelInventory = new HotelInventory()): Promise<HotelBookings> {
  const server = createHotelBookingsServer(inventory);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // No host: both IPv4 and IPv6, so http://localhost:<port> works whichever one localhost resolves to.
    server.listen(port, () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://localhost:${bound}`,
        port: bound,
        inventory,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  const port = Number(process.env.PORT ?? 4010);
  startHotelBookings(port).then(
    (bookings) => process.stdout.write(`Hotel bookings API at ${bookings.url} (try ${bookings.url}/availability?date=${new Date().toISOString().slice(0, 10)}&nights=2)\n`),
    (error: unknown) => {
      process.stderr.write(`Could not start the hotel bookings API: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
