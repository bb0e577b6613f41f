/** The platform's only source of "now", so tests can move time (deadlines, lockouts, idle timeouts). */
export interface Clock {
  now(): Date;
  /** Waits `ms` (a throttling delay); a clock without it waits on a real timer. */
  sleep?(ms: number): Promise<void>;
}

/** Waits through the clock, so tests that slow a client down do not actually wait. */
export const pause = (clock: Clock, ms: number): Promise<void> =>
  clock.sleep ? clock.sleep(ms) : new Promise((resolve) => setTimeout(resolve, ms));

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests set and advance explicitly. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(d: Date): void {
    this.current = new Date(d.getTime());
  }
  advanceMinutes(m: number): void {
    this.current = new Date(this.current.getTime() + m * 60_000);
  }
  /** Total of every delay asked for; tests assert delays without waiting, and time does not move by itself. */
  slept = 0;
  async sleep(ms: number): Promise<void> {
    this.slept += ms;
  }
}
