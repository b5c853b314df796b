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
import {analyzeFiles, type AnalyzeInput, type FileFacts, type TreeSettings} from './analyze.js';
import {POOL_MIN_FILES, createPool, type AnalyzePool} from './pool.js';

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
