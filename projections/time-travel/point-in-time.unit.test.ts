import { describe, expect, it } from 'vitest';
import { describePointInTime, parsePointInTime } from './point-in-time.ts';

/** A Thursday afternoon, local time (the friendly forms are local, like the person typing them). */
const now = new Date(2026, 10, 19, 16, 30, 0);
const local = (day: number, hours = 0, minutes = 0) => new Date(2026, 10, day, hours, minutes, 0, 0);
const time = (text: string) => {
  const at = parsePointInTime(text, now);
  return at?.kind === 'time' ? at.time : at;
};

describe('point in time (--at)', () => {
  it('reads a position token', () => {
    expect(parsePointInTime('1234:56', now)).toEqual({
      kind: 'position',
      position: { commit: 1234n, prepare: 56n },
    });
  });

  it('reads ISO times and dates', () => {
    expect(time('2026-11-17T14:00:00Z')).toEqual(new Date('2026-11-17T14:00:00Z'));
    expect(time('2026-11-17 14:00')).toEqual(local(17, 14));
    expect(time('2026-11-17T14:00:00+02:00')).toEqual(new Date('2026-11-17T12:00:00Z'));
  });

  it('reads friendly forms in local time', () => {
    expect(time('now')).toEqual(now);
    expect(time('3 hours ago')).toEqual(local(19, 13, 30));
    expect(time('2 days ago')).toEqual(local(17, 16, 30));
    expect(time('yesterday 14:00')).toEqual(local(18, 14));
    expect(time('today at 9am')).toEqual(local(19, 9));
    expect(time('Last Tuesday 14:00')).toEqual(local(17, 14));
    expect(time('tuesday at 2pm')).toEqual(local(17, 14));
    expect(time('thursday')).toEqual(local(12)); // today is Thursday: a week back
    expect(time('last friday 23:59')).toEqual(local(13, 23, 59));
  });

  it('refuses anything else', () => {
    for (const text of [
      '',
      'soon',
      '12',
      'yesterday 25:00',
      'tuesday 13pm',
      '2026-13-45',
      '1:2:3',
      'x ago',
    ]) {
      expect(parsePointInTime(text, now)).toBeNull();
    }
  });

  it('echoes a point as ISO time or token', () => {
    expect(describePointInTime({ kind: 'time', time: new Date('2026-11-17T14:00:00Z') })).toBe(
      '2026-11-17T14:00:00.000Z',
    );
    expect(describePointInTime({ kind: 'position', position: { commit: 7n, prepare: 9n } })).toBe('7:9');
  });
});
