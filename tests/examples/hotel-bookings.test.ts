import { afterEach, describe, expect, it } from 'vitest';
import { type HotelBookings, HotelInventory, startHotelBookings } from '../../examples/servers/hotel-bookings';

/** An inventory whose "today" is fixed: Monday 1 June 2026. */
const inventory = () => new HotelInventory(undefined, () => '2026-06-01');

let running: HotelBookings | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('hotel bookings API (examples/servers)', () => {
  it('counts a room as free only when it is free every night of the stay', () => {
    const hotel = inventory();
    expect(hotel.book({ date: '2026-06-10', nights: 2, roomType: 'suite', rooms: 3 }).ok).toBe(true);
    const stay = (date: string, nights: number) => {
      const checked = hotel.checkStay(date, nights);
      if (!checked.ok) throw new Error(checked.message);
      return hotel.availability(checked.first, checked.nights);
    };
    const suite = (date: string, nights: number) => stay(date, nights).roomTypes.find((type) => type.id === 'suite')?.available;
    expect(suite('2026-06-08', 2)).toBe(4); // leaves the morning the booking starts
    expect(suite('2026-06-08', 3)).toBe(1); // overlaps its first night
    expect(suite('2026-06-11', 5)).toBe(1);
    expect(suite('2026-06-12', 1)).toBe(4); // the booking checked out that morning
    expect(stay('2026-06-10', 1).available).toBe(21);
  });

  it('refuses to overbook, and checks its input', () => {
    const hotel = inventory();
    expect(hotel.book({ date: '2026-06-10', nights: 3, roomType: 'river', rooms: 8 }).ok).toBe(true);
    expect(hotel.book({ date: '2026-06-12', nights: 1, roomType: 'river' })).toEqual({ ok: false, status: 409, message: 'No Superior River View rooms are free for those nights' });
    expect(hotel.book({ date: '2026-06-13', nights: 1, roomType: 'suite', rooms: 5 })).toMatchObject({ status: 409, message: 'Only 4 Miradouro Junior Suite rooms are free for those nights' });
    expect(hotel.book({ date: '2026-06-13', nights: 1, roomType: 'river' }).ok).toBe(true);
    expect(hotel.book({ date: '2026-05-31', nights: 1, roomType: 'river' })).toMatchObject({ status: 422, message: 'The arrival date 2026-05-31 has already passed' });
    expect(hotel.book({ date: '2026-02-30', nights: 1, roomType: 'river' })).toMatchObject({ status: 422 });
    expect(hotel.book({ date: '2026-06-20', nights: 31, roomType: 'river' })).toMatchObject({ status: 422 });
    expect(hotel.book({ date: '2026-06-20', nights: 1, roomType: 'penthouse' })).toMatchObject({ status: 422 });
  });

  it('prices weekend nights higher, and quotes the cheapest room type still free', () => {
    const hotel = inventory();
    // Thursday 4 June to Sunday 7 June: Thursday at the weekday rate, Friday and Saturday at the weekend rate.
    const quote = () => {
      const checked = hotel.checkStay('2026-06-04', 3);
      if (!checked.ok) throw new Error(checked.message);
      return hotel.availability(checked.first, checked.nights);
    };
    expect(quote()).toMatchObject({ checkOut: '2026-06-07', price: 158.33, cheapestRoomType: 'Classic Double', currency: 'EUR' });
    hotel.book({ date: '2026-06-05', nights: 1, roomType: 'classic', rooms: 12 });
    expect(quote()).toMatchObject({ price: 206.33, cheapestRoomType: 'Superior River View' });
  });

  it('answers over HTTP', async () => {
    running = await startHotelBookings(0, inventory());
    const date = '2026-07-01';
    const created = await fetch(`${running.url}/bookings`, { method: 'POST', body: JSON.stringify({ date, nights: 2, roomType: 'classic', rooms: 2 }) });
    expect(created.status).toBe(201);
    const answer = await fetch(`${running.url}/availability?date=${date}&nights=1`);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(await answer.json()).toMatchObject({ date, nights: 1, available: 22, price: 145 });
    const refused = await fetch(`${running.url}/availability?date=yesterday&nights=1`);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({ error: { message: 'date must be a calendar date written YYYY-MM-DD' } });
    expect((await fetch(`${running.url}/nowhere`)).status).toBe(404);
  });
});
