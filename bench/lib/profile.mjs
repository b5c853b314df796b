/**
 * Where a cold aggregator run spends its time, whatever the plugin's
 * internals are at the moment: the run is sampled by V8's CPU profiler
 * (through `node:inspector`, in-process) and self time is summed by module:
 * each plugin file, each package (micromark, mdast-util-from-markdown…),
 * Node internals, and the garbage collector.
 */
import {Session} from 'node:inspector/promises';

function bucket({url, functionName}) {
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(program)' || functionName === '(idle)' || functionName === '(root)') return `(${functionName.replace(/[()]/g, '')})`;
    return `native ${functionName}`;
  }
  const plugin = /docusaurus-plugin-roles\/lib\/(.+)$/.exec(url);
  if (plugin) return `plugin ${plugin[1]}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return url.replace(/^node:internal\/(?:fs\/)?/, 'node:').split('/')[0];
  if (url.includes('/bench/')) return 'bench';
  return url;
}

/**
 * Profile `fn` (async) and return its duration and the top modules and
 * functions by self time.
 */
export async function profile(fn, {top = 12, intervalUs = 200} = {}) {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', {interval: intervalUs});
    await session.post('Profiler.start');
    const start = performance.now();
    await fn();
    const ms = performance.now() - start;
    const {profile: data} = await session.post('Profiler.stop');
    await session.post('Profiler.disable');

    const nodes = new Map(data.nodes.map((node) => [node.id, node]));
    const self = new Map();
    data.samples.forEach((id, index) => {
      self.set(id, (self.get(id) ?? 0) + (data.timeDeltas[index] ?? 0));
    });
    const byModule = new Map();
    const byFunction = new Map();
    let total = 0;
    for (const [id, us] of self) {
      const frame = nodes.get(id).callFrame;
      if (frame.functionName === '(idle)') continue; // waiting for I/O
      const module = bucket(frame);
      byModule.set(module, (byModule.get(module) ?? 0) + us);
      const name = `${frame.functionName || '(anonymous)'} [${module}]`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + us);
      total += us;
    }
    const rank = (map) =>
      [...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([name, us]) => ({name, percent: Math.round((1000 * us) / total) / 10}));
    return {ms: Math.round(ms), sampledMs: Math.round(total / 1000), modules: rank(byModule), functions: rank(byFunction)};
  } finally {
    session.disconnect();
  }
}
