import { describe, expect, it } from 'vitest';
import { createStreamTurns } from './stream-turns.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('stream turns', () => {
  it('makes an append wait while a retry holds its stream, and lets other streams go', async () => {
    const turns = createStreamTurns();
    const log: string[] = [];
    let endHold!: () => void;
    const holding = turns.run(['s1'], async () => {
      log.push('hold');
      await new Promise<void>((resolve) => (endHold = resolve));
      log.push('hold done');
    });
    await tick();
    const blocked = turns.run(['s1', 's2'], async () => void log.push('append s1+s2'));
    await turns.run(['s3'], async () => void log.push('append s3'));
    await tick();
    expect(log).toEqual(['hold', 'append s3']);
    endHold();
    await Promise.all([holding, blocked]);
    expect(log).toEqual(['hold', 'append s3', 'hold done', 'append s1+s2']);
  });

  it('never makes a holder wait: its own appends and nested commands go straight on', async () => {
    const turns = createStreamTurns();
    let endOther!: () => void;
    // Another holder has s2; a holder of s1 appending to s1 and s2 must not wait for it.
    const other = turns.run(['s2'], () => new Promise<void>((resolve) => (endOther = resolve)));
    await tick();
    const done = await turns.run(['s1'], () => turns.run(['s1', 's2'], async () => 'appended'));
    expect(done).toBe('appended');
    endOther();
    await other;
  });

  it('holds nothing for no streams: work run so still waits for a held stream', async () => {
    const turns = createStreamTurns();
    const log: string[] = [];
    let endHold!: () => void;
    const holding = turns.run(['s1'], () => new Promise<void>((resolve) => (endHold = resolve)));
    await tick();
    const first = turns.run([], () => turns.run(['s1'], async () => void log.push('append')));
    await tick();
    expect(log).toEqual([]);
    endHold();
    await Promise.all([holding, first]);
    expect(log).toEqual(['append']);
  });

  it('stops counting a hold once it ended, in callbacks it scheduled', async () => {
    const turns = createStreamTurns();
    const log: string[] = [];
    let later!: Promise<void>;
    await turns.run(['s1'], async () => {
      // Scheduled inside the hold, run after it: an append then waits like anyone's.
      later = new Promise<void>((resolve) =>
        setTimeout(() => void turns.run(['s2'], async () => void log.push('append')).then(resolve), 5),
      );
    });
    let endHold!: () => void;
    const holding = turns.run(['s2'], () => new Promise<void>((resolve) => (endHold = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual([]);
    endHold();
    await Promise.all([holding, later]);
    expect(log).toEqual(['append']);
  });

  it("makes an append wait for a holder of its streams, and lets its holder's own append go straight on", async () => {
    const turns = createStreamTurns();
    const log: string[] = [];
    let endHold!: () => void;
    const holding = turns.run(['s1'], async () => {
      await turns.append(['s1'], async () => void log.push('holder appends'));
      await new Promise<void>((resolve) => (endHold = resolve));
    });
    await tick();
    const waiting = turns.append(['s1'], async () => void log.push('append'));
    await turns.append(['s2'], async () => void log.push('append s2'));
    await tick();
    expect(log).toEqual(['holder appends', 'append s2']);
    endHold();
    await Promise.all([holding, waiting]);
    expect(log).toEqual(['holder appends', 'append s2', 'append']);
  });

  it('holds nothing while an append runs: an append inside it waits for a holder like any other', async () => {
    const turns = createStreamTurns();
    const log: string[] = [];
    let endHold!: () => void;
    const holding = turns.run(['s2'], () => new Promise<void>((resolve) => (endHold = resolve)));
    await tick();
    const outer = turns.append(['s1'], () => turns.append(['s2'], async () => void log.push('inner append')));
    await tick();
    expect(log).toEqual([]);
    endHold();
    await Promise.all([holding, outer]);
    expect(log).toEqual(['inner append']);
  });

  it('runs holders again after the last one ended (the storage was switched off meanwhile)', async () => {
    const turns = createStreamTurns();
    for (let round = 0; round < 2; round++) {
      const log: string[] = [];
      let endOther!: () => void;
      const other = turns.run(['s2'], () => new Promise<void>((resolve) => (endOther = resolve)));
      await tick();
      // Holding s1, its append to s1 and s2 goes straight on although s2 is held by another.
      await turns.run(['s1'], () => turns.append(['s1', 's2'], async () => void log.push('appended')));
      expect(log).toEqual(['appended']);
      endOther();
      await other;
    }
  });
});
