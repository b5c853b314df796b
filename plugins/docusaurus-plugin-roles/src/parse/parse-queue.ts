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
/**
 * ...and only in a run of at least this many docs: each thread loads the
 * parser and warms up before it parses anything, which a small run never
 * pays back. Measured on 2 cores, cold, a fresh process per run (README,
 * Performance): 1,000 docs took 2.01 s with 2 threads against 1.62 s in
 * process, 10,000 docs 8.86 s against 12.0 s; a 300-doc `docusaurus build`
 * spent 2.8–3.0 s gathering with 2 threads against 1.5–1.8 s in process.
 */
export const POOL_FROM_DOCS = 2000;
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
    /** The fewest docs a run must still have to look at for the threads to start (`POOL_FROM_DOCS`). */
    private readonly poolFrom: number,
    /** Called once per file, with the index it was added with. */
    private readonly settle: Settle,
  ) {}

  /**
   * Analyze a chunk's changed files (`[index, input]`), with `ahead` docs
   * of the run still to look at (this chunk's included); resolves when the
   * next chunk may be read.
   */
  async add(files: ReadonlyArray<readonly [number, AnalyzeInput]>, ahead: number): Promise<void> {
    if (files.length === 0) return;
    const {analyzeFiles, createPool} = await loadParsing();
    const poolable = files.filter(([, input]) => input.site === undefined);
    const local = files.filter(([, input]) => input.site !== undefined);
    if (!this.pool && this.threads > 0 && poolable.length >= POOL_MIN_FILES && ahead >= this.poolFrom) {
      this.pool = createPool(this.threads);
    }
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
