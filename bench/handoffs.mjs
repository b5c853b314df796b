#!/usr/bin/env node
/**
 * `npm run bench:handoffs`: resolving N duties with N links (1,250, 5,000
 * and 20,000 by default), in process; see bench/lib/handoffs.mjs.
 *
 *   node bench/handoffs.mjs [--sizes=1250,5000,20000] [--runs=5]
 *
 * Writes `bench/out/handoffs.json`.
 */
import {mkdir, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {measureHandoffs} from './lib/handoffs.mjs';
import {OUT_DIR, ensurePluginBuilt} from './lib/plugin.mjs';

const flags = Object.fromEntries(process.argv.slice(2).map((arg) => /^--([^=]+)=(.*)$/.exec(arg)?.slice(1) ?? [arg, '']));
const sizes = flags.sizes ? flags.sizes.split(',').map(Number) : undefined;
const runs = flags.runs ? Number(flags.runs) : undefined;

ensurePluginBuilt();
const loadavgAtStart = os.loadavg();
console.log(`Handoffs: N duties with N links, in process (load ${loadavgAtStart.map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs)`);
const result = await measureHandoffs({sizes, runs});
await mkdir(OUT_DIR, {recursive: true});
const file = path.join(OUT_DIR, 'handoffs.json');
await writeFile(file, `${JSON.stringify({...result, loadavgAtStart, loadavgAtEnd: os.loadavg(), node: process.version}, null, 2)}\n`);
console.log(`Every sample in ${path.relative(process.cwd(), file)}`);
