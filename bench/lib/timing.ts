import type { Figures } from "../harness";

/** Timing figures on two clocks: wall time, and the CPU time of this process (user + system), which
 * other processes on a busy machine disturb far less. Milliseconds. */
export interface Timed {
  readonly wall: Figures;
  readonly cpu: Figures;
}

/** One timed run on both clocks, in milliseconds. */
export interface Sample2 {
  readonly wall: number;
  readonly cpu: number;
}

/** Runs `operation` once and returns its wall and CPU time. */
export function timeOnce<T>(operation: () => T): { result: T; time: Sample2 } {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const result = operation();
  const wall = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  return { result, time: { wall, cpu: (cpu.user + cpu.system) / 1000 } };
}

/** Median, min and max of some run times. */
export function summarize(times: readonly number[]): Figures {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    runs: sorted.length,
  };
}

/** Both clocks' figures of some runs. */
export function summarizeBoth(times: readonly Sample2[]): Timed {
  return { wall: summarize(times.map((t) => t.wall)), cpu: summarize(times.map((t) => t.cpu)) };
}
