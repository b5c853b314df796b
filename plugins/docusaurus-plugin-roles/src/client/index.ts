/**
 * `docusaurus-plugin-roles/client`: code the theme components share with
 * Node.js, safe in the browser bundle (no Node.js imports). Swizzled
 * components import it by this name, which still resolves once ejected.
 */
export {normalizePagePath, tableRowId} from './anchors.js';
export {
  ALL_VERSIONS,
  LAST_VERSION,
  describeShownVersions,
  inVersionScope,
  resolveVersionScope,
  versionKey,
  type DocsVersion,
  type ShownVersions,
  type VersionScope,
} from './versions.js';
export {daysUntil, reviewStatus, sourceHref, todayIso, type ReviewStatus} from './reviews.js';
export {CALLOUT_DATA_ATTRIBUTE, decodeCalloutData, encodeCalloutData, type CalloutData} from './callout-data.js';
export {renderNow} from './render-now.js';
