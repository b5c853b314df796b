/**
 * Where the aggregator's changed files get analyzed, chunk by chunk: in
 * worker threads once a chunk has enough of them to pay for the threads'
 * start-up (`pool.ts`), else in process. While the workers parse one chunk
 * the aggregator reads the next, and at most one chunk waits on the workers,
 * so only a few chunks' contents are alive at once.
 *
 * Files whose content plugin adds syntax through its own remark plugins are
 * always analyzed in process: the plugins are functions of the site config,
 * which a worker thread cannot receive.
 */
import {availableParallelism} from 'node:os';
import type {AnalyzeInput, FileFacts, TreeSettings} from './analyze.js';
import type {AnalyzePool} from './pool.js';

/** Threads are worth starting only when a chunk of a run (256 files) has at least this many to parse. */
const POOL_MIN_FILES = 64;
/** More threads than this cost more memory than they save time. */
const MAX_THREADS = 8;

/** The `workers` option: a count (`0`: parse in process) or `'auto'`. */
export type WorkersOption = number | 'auto';

/** How many threads a run may use: `'auto'` is one per core, up to 8. */
export function threadCount(option: WorkersOption): number {
  if (option === 'auto') return Math.min(availableParallelism(), MAX_THREADS);
  return Math.max(0, Math.floor(option));
}

/**
 * The parser and the pool, loaded the first time a file must be parsed:
 * a run whose files are all cached (a restart, a warm build) never pays for
 * loading them (most of the lifecycle code's loading time).
 */
let parsing: Promise<{analyzeFiles: typeof import('./analyze.js').analyzeFiles; createPool: typeof import('./pool.js').createPool}> | undefined;

function loadParsing() {
  parsing ??= Promise.all([import('./analyze.js'), import('./pool.js')]).then(([{analyzeFiles}, {createPool}]) => ({
    analyzeFiles,
    createPool,
  }));
  return parsing;
}

/** One analyzed file, where it was analyzed. */
export type Settle = (index: number, facts: FileFacts, threaded: boolean) => void;

/** The analysis of one run's changed files. */
export class ParseQueue {
  private pool: AnalyzePool | undefined;
  private readonly inFlight: Array<Promise<void>> = [];

  constructor(
    private readonly threads: number,
    private readonly settings: TreeSettings,
    /** Called once per file, with the index it was added with. */
    private readonly settle: Settle,
  ) {}

  /** Analyze a chunk's changed files (`[index, input]`); resolves when the next chunk may be read. */
  async add(files: ReadonlyArray<readonly [number, AnalyzeInput]>): Promise<void> {
    if (files.length === 0) return;
    const {analyzeFiles, createPool} = await loadParsing();
    const poolable = files.filter(([, input]) => input.site === undefined);
    const local = files.filter(([, input]) => input.site !== undefined);
    if (!this.pool && this.threads > 0 && poolable.length >= POOL_MIN_FILES) this.pool = createPool(this.threads);
    const {pool} = this;
    if (pool && poolable.length > 0) {
      this.inFlight.push(
        pool.analyze(poolable.map(([, input]) => input), this.settings).then((analyzed) => {
          analyzed.forEach((facts, at) => this.settle(poolable[at]![0], facts, true));
        }),
      );
    } else {
      local.unshift(...poolable);
    }
    analyzeFiles(local.map(([, input]) => input), this.settings).forEach((facts, at) => this.settle(local[at]![0], facts, false));
    if (this.inFlight.length > 1) await this.inFlight.shift();
  }

  /** Resolves once every file added is analyzed. */
  async drain(): Promise<void> {
    await Promise.all(this.inFlight.splice(0));
  }

  /** Stop the threads (an idle pool would keep the process alive). */
  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
