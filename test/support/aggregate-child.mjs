/**
 * One run of the compiled aggregator (`lib/`, so worker threads can start)
 * in a process of its own, as a build runs it: `node aggregate-child.mjs
 * <job.json>`, where the job names the docs, the markdown settings, the
 * cache file, the workers and where the pool starts (`poolFrom`). Prints the run's result as JSON.
 */
import {readFileSync} from 'node:fs';
import {RolesAggregator} from '../../plugins/docusaurus-plugin-roles/lib/parse/aggregate.js';
import {DEFAULT_OPTIONS, toRolesConfig} from '../../plugins/docusaurus-plugin-roles/lib/options.js';

const {docs, markdown, cacheFile, workers, poolFrom} = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const result = await new RolesAggregator(toRolesConfig(DEFAULT_OPTIONS), markdown, {cacheFile, workers, poolFrom}).run(docs);
process.stdout.write(JSON.stringify(result));
