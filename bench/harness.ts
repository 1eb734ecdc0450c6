/** Timing figures of one measured operation, in milliseconds. */
export interface Figures {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** Runs `operation` `runs` times after `warmup` unmeasured runs and returns its timing figures. */
export function measure(operation: () => void, runs = 7, warmup = 2): Figures {
  for (let i = 0; i < warmup; i++) operation();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    operation();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)] ?? Number.NaN,
    min: times[0] ?? Number.NaN,
    max: times[times.length - 1] ?? Number.NaN,
    runs,
  };
}

/** Heap in use after a full collection, in MiB (needs `node --expose-gc`). */
export function heapUsedMiB(): number {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const format = (ms: number): string => (ms < 10 ? ms.toFixed(3) : ms.toFixed(1));

/** Prints one row: the workload, the operation, Precept's figures and, with a peer, the ratio of medians. */
export function report(
  workload: string,
  operation: string,
  precept: Figures,
  peer?: Figures,
): void {
  const own = `median ${format(precept.median)} ms (min ${format(precept.min)}, max ${format(precept.max)}, n=${precept.runs})`;
  const ratio = peer
    ? `  peer median ${format(peer.median)} ms  ratio ${(precept.median / peer.median).toFixed(2)}×`
    : "";
  console.log(`${workload.padEnd(12)} ${operation.padEnd(28)} ${own}${ratio}`);
}
