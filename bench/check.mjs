#!/usr/bin/env node
/**
 * `npm run bench:check`: how long `docusaurus roles:check` takes next to a
 * full `docusaurus build` of the same site, on the demo site (both locales)
 * and on a generated site of N docs (default 1,000; the build benchmark's
 * corpus and site, `bench/out/site-roles`).
 *
 *   node bench/check.mjs [--docs=1000] [--runs=3] [--no-build]
 *
 * Every command runs as a user runs it (a new Node.js process: start-up,
 * config loading and all); `roles:check` runs `--runs` times and the median
 * is reported, the build once, cold (after `docusaurus clear`). Results go
 * to `bench/out/check.json`.
 */
import {spawn} from 'node:child_process';
import {mkdir, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {writeSite} from './lib/build.mjs';
import {OUT_DIR, REPO_ROOT, ensurePluginBuilt} from './lib/plugin.mjs';

const DOCUSAURUS_BIN = path.join(REPO_ROOT, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

function parseArgs(argv) {
  const flags = Object.fromEntries(
    argv.map((arg) => {
      const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
      if (!match || !['docs', 'runs', 'no-build'].includes(match[1])) {
        throw new Error(`Unexpected argument ${arg}; known: --docs=N --runs=N --no-build`);
      }
      return [match[1], match[2] ?? true];
    }),
  );
  return {docs: Number(flags.docs ?? 1000), runs: Number(flags.runs ?? 3), build: !flags['no-build']};
}

/** Run `docusaurus <args>` in `cwd`; resolves with the exit code, the time and the output. */
function docusaurus(args, cwd) {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [DOCUSAURUS_BIN, ...args], {
      cwd,
      env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks = [];
    child.stdout.on('data', (data) => chunks.push(data));
    child.stderr.on('data', (data) => chunks.push(data));
    child.on('close', (code) => {
      resolve({code, ms: performance.now() - start, output: Buffer.concat(chunks).toString('utf8')});
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** `roles:check` `runs` times (its own summary line too), then a cold build. */
async function measure(label, siteDir, {runs, build}) {
  const checks = [];
  let summary = '';
  for (let run = 0; run < runs; run += 1) {
    const result = await docusaurus(['roles:check'], siteDir);
    if (result.code !== 0) throw new Error(`roles:check failed on ${label}:\n${result.output}`);
    checks.push(result.ms);
    summary = /roles:check: .*/.exec(result.output)?.[0] ?? '';
    console.log(`  ${label}: roles:check ${seconds(result.ms)} (${summary})`);
  }
  let buildMs;
  if (build) {
    const outDir = path.join(OUT_DIR, 'build-tmp', `check-${label}`);
    await docusaurus(['clear', '.'], siteDir);
    const result = await docusaurus(['build', '.', '--out-dir', outDir], siteDir);
    await rm(outDir, {recursive: true, force: true});
    if (result.code !== 0) throw new Error(`docusaurus build failed on ${label}:\n${result.output.slice(-3000)}`);
    buildMs = result.ms;
    console.log(`  ${label}: cold docusaurus build ${seconds(buildMs)}`);
  }
  return {label, siteDir: path.relative(REPO_ROOT, siteDir) || '.', checkMs: checks, checkMedianMs: median(checks), summary, buildMs};
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  ensurePluginBuilt();
  await mkdir(OUT_DIR, {recursive: true});
  console.log(`roles:check next to a full build (${options.runs} check runs, median; machine load ${os.loadavg()[0].toFixed(1)})`);
  // The build benchmark's seed, so this is its corpus.
  const {siteDir} = await writeSite('roles', {count: options.docs, seed: 20240611});
  const results = [
    await measure('demo', REPO_ROOT, options),
    await measure(`generated-${options.docs}`, siteDir, options),
  ];
  console.log('\n| site | `roles:check` (median) | cold `docusaurus build` | check / build |\n| --- | ---: | ---: | ---: |');
  for (const result of results) {
    const ratio = result.buildMs ? (result.checkMedianMs / result.buildMs).toFixed(2) : '–';
    console.log(`| ${result.label} | ${seconds(result.checkMedianMs)} | ${result.buildMs ? seconds(result.buildMs) : '–'} | ${ratio} |`);
  }
  const file = path.join(OUT_DIR, 'check.json');
  await writeFile(
    file,
    `${JSON.stringify({date: new Date().toISOString(), cpus: os.cpus().length, loadavg: os.loadavg(), results}, null, 2)}\n`,
  );
  console.log(`\nWritten to ${path.relative(REPO_ROOT, file)}`);
}

await main();
