import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestParley, buttonTitles, customer, loadExample, pathOf, testParley, texts } from './chat';

let parley: TestParley;

beforeEach(() => {
  parley = testParley();
  loadExample(parley, 'road-trip');
});
afterEach(() => parley.close());

const picture = (state: string) => `http://parley.test/assets/examples/road-trip/${state}.svg`;

describe('road-trip example', () => {
  it('drives from a starting state to a neighbour, then ends the trip with the route', async () => {
    const reader = customer(parley, 'road-trip', 'reader-1');
    const hello = await reader.say('hi');
    expect(texts(hello)).toEqual([expect.stringContaining("Welcome to Westbound, The Pacific Post's road trip"), 'Where shall we start?']);
    expect(buttonTitles(hello)).toEqual(['California', 'Oregon', 'Nevada', 'Arizona', 'Utah', 'Idaho']);

    const california = await reader.tap('california', 'California');
    expect(california.replies.map((reply) => reply.type)).toEqual(['image', 'text', 'buttons']);
    expect(california.replies[0]).toEqual({ type: 'image', url: picture('california'), caption: 'California: Big Sur' });
    expect(california.replies[1]?.text).toMatch(/^You start on Highway 1, where the Santa Lucia Mountains drop straight into the Pacific\./);
    expect(buttonTitles(california)).toEqual(['Drive on to Oregon', 'Drive on to Nevada', 'Drive on to Arizona', 'End the trip']);

    const oregon = await reader.tap('to-oregon', 'Drive on to Oregon');
    expect(oregon.replies[0]).toEqual({ type: 'image', url: picture('oregon'), caption: 'Oregon: Crater Lake' });
    expect(oregon.replies[1]?.text).toContain('Crater Lake');
    expect(buttonTitles(oregon)).toEqual(['Drive on to California', 'Drive on to Nevada', 'Drive on to Idaho', 'End the trip']);

    // Typing a choice works as well as tapping it.
    const nevada = await reader.say('drive on to nevada');
    expect(nevada.replies[0]?.caption).toBe('Nevada: Highway 50 and Great Basin');
    expect(buttonTitles(nevada)).toEqual([
      'Drive on to California',
      'Drive on to Oregon',
      'Drive on to Idaho',
      'Drive on to Utah',
      'Drive on to Arizona',
      'End the trip',
    ]);

    const end = await reader.tap('end', 'End the trip');
    expect(texts(end)).toEqual([
      "That's the end of the road! Your route: California → Oregon → Nevada.\n\nThanks for riding along with The Pacific Post. Fancy another trip?",
    ]);
    const home = await reader.tap('done');
    expect(home.ended).toBe(true);
    expect(texts(home)).toEqual(["Safe travels, and see you in next week's Post!"]);
  });

  it('starts a fresh route on "restart" and after a finished trip', async () => {
    const reader = customer(parley, 'road-trip', 'reader-2');
    await reader.say('hi');
    await reader.tap('utah');
    await reader.tap('to-idaho');
    expect(buttonTitles(await reader.say('restart'))).toEqual(['California', 'Oregon', 'Nevada', 'Arizona', 'Utah', 'Idaho']);
    await reader.tap('arizona');
    const end = await reader.tap('end');
    expect(texts(end)[0]).toContain('Your route: Arizona.');
    expect(buttonTitles(await reader.tap('again'))).toEqual(['California', 'Oregon', 'Nevada', 'Arizona', 'Utah', 'Idaho']);
    await reader.tap('idaho');
    expect(texts(await reader.tap('end'))[0]).toContain('Your route: Idaho.');
  });

  it('serves a picture for every state', async () => {
    for (const state of ['california', 'oregon', 'nevada', 'arizona', 'utah', 'idaho']) {
      const response = await parley.app.request(pathOf(picture(state)));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/svg+xml');
      const svg = await response.text();
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg.toLowerCase()).toContain(`>${state}</text>`);
    }
  });
});
