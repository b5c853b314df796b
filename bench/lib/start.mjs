/**
 * The plugin inside a real `docusaurus start`, with
 * `DOCUSAURUS_PERF_LOGGER=true`: the roles plugin's `allContentLoaded()`
 * next to the docs plugin's `loadContent()`, cold (after the site's caches
 * were removed, as `docusaurus clear` does) and on a restart with nothing
 * changed (the roles plugin's cache file kept).
 *
 * The dev server is stopped as soon as Docusaurus logs `CLI start > Load
 * site` (every plugin's content, `contentLoaded` and `allContentLoaded` are
 * done; bundling has not started yet): both figures come from that process's
 * own perf logger, and nothing after site loading is needed for them.
 */
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {rm, stat} from 'node:fs/promises';
import path from 'node:path';
import {DOCUSAURUS_BIN, parsePerfLog, plain} from './build.mjs';
import {median, round} from './measure.mjs';

/** The roles plugin's cache file in a site (`defaultCacheFile`, plugin id `default`, locale `en`). */
export function rolesCacheFile(siteDir) {
  return path.join(siteDir, 'node_modules', '.cache', 'docusaurus-plugin-roles', 'facts-default-en.json');
}

const LOADED = /\[PERF\][^\n]* CLI start > Load site - /;
const TIMEOUT_MS = 15 * 60 * 1000;

/**
 * `docusaurus start` in `siteDir` with the perf logger, stopped once the
 * site is loaded. Resolves with the perf figures and the process's time
 * until then.
 */
export function startUntilLoaded(siteDir, {port}) {
  return new Promise((resolve) => {
    const begin = performance.now();
    const child = spawn(
      process.execPath,
      [DOCUSAURUS_BIN, 'start', '.', '--no-open', '--host', '127.0.0.1', '--port', String(port)],
      {
        cwd: siteDir,
        env: {...process.env, DOCUSAURUS_PERF_LOGGER: 'true', FORCE_COLOR: '0', NO_COLOR: '1', BROWSER: 'none'},
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, so stopping it stops whatever it started.
        detached: true,
      },
    );
    let output = '';
    let loadedMs;
    let settled = false;
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 5000).unref();
    };
    const timer = setTimeout(stop, TIMEOUT_MS);
    const collect = (data) => {
      output += data;
      if (loadedMs === undefined && LOADED.test(plain(output))) {
        loadedMs = performance.now() - begin;
        stop();
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      const perf = parsePerfLog(output);
      resolve({
        ok: loadedMs !== undefined,
        untilLoadedMs: loadedMs === undefined ? undefined : round(loadedMs),
        exit: code ?? signal,
        rolesAllContentLoadedMs: perf.rolesAllContentLoadedMs,
        docsLoadContentMs: perf.docsLoadContentMs,
        rolesLine: perf.rolesLine,
        docsLine: perf.docsLine,
        loadSiteLine: plain(output).split('\n').find((line) => LOADED.test(line))?.trim(),
        ...(loadedMs === undefined && {tail: plain(output).trim().split('\n').slice(-20).join('\n')}),
      });
    });
  });
}

/**
 * `pairs` times: remove the site's caches (as `docusaurus clear` does:
 * `.docusaurus` and `node_modules/.cache`), start cold, then start again
 * with nothing changed. Ratios of medians: roles `allContentLoaded()` over
 * docs `loadContent()`.
 */
export async function measureStart({siteDir, pairs, log}) {
  const cold = [];
  const restart = [];
  const port = 39000 + Math.floor(Math.random() * 900);
  const show = (r) =>
    r.ok
      ? `roles allContentLoaded ${r.rolesAllContentLoadedMs ?? '< 5'} ms, docs loadContent ${r.docsLoadContentMs} ms (site loaded after ${(r.untilLoadedMs / 1000).toFixed(1)} s)`
      : `FAILED (exit ${r.exit})\n${r.tail.replace(/^/gm, '    | ')}`;
  for (let pair = 1; pair <= pairs; pair += 1) {
    await rm(path.join(siteDir, '.docusaurus'), {recursive: true, force: true});
    await rm(path.join(siteDir, 'node_modules', '.cache'), {recursive: true, force: true});
    const first = await startUntilLoaded(siteDir, {port});
    const cacheBytes = existsSync(rolesCacheFile(siteDir)) ? (await stat(rolesCacheFile(siteDir))).size : 0;
    log(`  start ${pair}/${pairs}, cold:    ${show(first)}; roles cache file ${Math.round(cacheBytes / 1024)} KB`);
    const again = await startUntilLoaded(siteDir, {port});
    log(`  start ${pair}/${pairs}, restart: ${show(again)}`);
    cold.push({...first, cacheFileBytes: cacheBytes});
    restart.push(again);
  }
  const summarize = (list) => {
    const ok = list.filter((r) => r.ok && r.docsLoadContentMs !== undefined);
    if (ok.length === 0) return {ok: false};
    // The perf logger does not print steps under 5 ms: count such a step as 5 ms.
    const roles = median(ok.map((r) => r.rolesAllContentLoadedMs ?? 5));
    const docs = median(ok.map((r) => r.docsLoadContentMs));
    return {
      ok: true,
      rolesAllContentLoadedMs: round(roles),
      docsLoadContentMs: round(docs),
      rolesOverDocs: round(roles / docs, 3),
      untilLoadedMs: round(median(ok.map((r) => r.untilLoadedMs))),
    };
  };
  return {pairs, cold: summarize(cold), restart: summarize(restart), samples: {cold, restart}};
}
