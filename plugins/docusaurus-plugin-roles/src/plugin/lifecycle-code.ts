/**
 * What the lifecycles and commands run, and only they: the parser and the
 * aggregator, the gathering, the exports, the check after the build. Loaded
 * once per process by `loadLifecycleCode` (see there why), never imported
 * statically by the plugin's entry.
 */
export {RolesAggregator} from '../parse/aggregate.js';
export {defaultCacheFile} from '../parse/disk-cache.js';
export {aggregatorOptions, gatherRoles, markdownSettings, missingRemarkError, missingRemarkProblem, publishedPages} from './gather.js';
export {toJsonExport, writeExports} from './exports.js';
export {checkAccountability, fileLocale} from './accountability.js';
export {checkAccountabilityCached, checksCacheFile} from './check-cache.js';
export {checkBuiltCallouts} from './verify-build.js';
export {loadRenderedPages, saveRenderedPages, updateRenderedPages} from './rendered-pages.js';
export {loadSiteContent} from './load-site.js';
