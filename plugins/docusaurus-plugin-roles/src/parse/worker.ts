/**
 * A worker thread of the aggregator's pool (`pool.ts`): analyzes a batch of
 * files with the very function the aggregator runs in process.
 */
import {analyzeFiles, type AnalyzeInput, type FileFacts, type TreeSettings} from './analyze.js';

/** One batch of files to analyze, with the site's settings. */
export interface AnalyzeTask {
  inputs: AnalyzeInput[];
  settings: TreeSettings;
}

/** Tinypool calls the default export with each task. */
export default function analyzeTask({inputs, settings}: AnalyzeTask): FileFacts[] {
  return analyzeFiles(inputs, settings);
}
