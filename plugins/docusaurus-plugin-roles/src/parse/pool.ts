/**
 * Parse on every core: a pool of worker threads (Tinypool, which Docusaurus
 * itself uses for its static site generation) that runs `analyzeFiles` on
 * batches of files. The aggregator only starts one when enough files need
 * parsing to pay for the threads' start-up, and falls back to parsing in
 * process for a batch whose worker fails, so the result is always the one
 * the single-threaded run gives, in the same order.
 */
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import Tinypool from 'tinypool';
import {analyzeFiles, type AnalyzeInput, type FileFacts, type TreeSettings} from './analyze.js';
import type {AnalyzeTask} from './worker.js';

/**
 * The worker module next to this one. Only the compiled package has it (as
 * `.js`); run from the TypeScript sources, there is none and the aggregator
 * parses in process.
 */
function workerFile(): string | undefined {
  const file = fileURLToPath(new URL('./worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/** A pool of `threads` workers, or `undefined` when there is no worker module. */
export function createPool(threads: number): AnalyzePool | undefined {
  const filename = workerFile();
  return filename && threads > 0 ? new AnalyzePool(filename, threads) : undefined;
}

/** Worker threads that analyze batches of files. */
export class AnalyzePool {
  private readonly pool: Tinypool;
  /** Batches a worker failed on (and that were analyzed in process instead). */
  failures = 0;

  constructor(
    filename: string,
    readonly threads: number,
  ) {
    this.pool = new Tinypool({filename, minThreads: threads, maxThreads: threads});
  }

  /**
   * Analyze `inputs`, split into one batch per thread; the facts come back
   * in input order. A batch whose worker fails is analyzed in process.
   */
  async analyze(inputs: readonly AnalyzeInput[], settings: TreeSettings): Promise<FileFacts[]> {
    const size = Math.ceil(inputs.length / this.threads);
    const batches: AnalyzeInput[][] = [];
    for (let start = 0; start < inputs.length; start += size) batches.push(inputs.slice(start, start + size));
    const results = await Promise.all(
      batches.map(async (batch) => {
        try {
          const task: AnalyzeTask = {inputs: batch, settings};
          const facts = (await this.pool.run(task)) as FileFacts[];
          if (Array.isArray(facts) && facts.length === batch.length) return facts;
        } catch {
          // Fall through: the batch is analyzed here, so a worker's crash costs time, never results.
        }
        this.failures += 1;
        return analyzeFiles(batch, settings);
      }),
    );
    return results.flat();
  }

  /** Stop the threads (a run ends with its pool: an idle pool would keep the process alive). */
  async destroy(): Promise<void> {
    await this.pool.destroy();
  }
}
