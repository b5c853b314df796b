/**
 * Load `lifecycle-code.ts` once per process, by Node itself.
 *
 * Docusaurus loads the site config and each plugin with jiti and no module
 * cache (`loadFreshModule`): every ES module they import is evaluated again
 * on every load, and a build loads the config once to list the locales and
 * once per locale, and each plugin once per locale. The parser's modules
 * (unified, micromark, MDX, acorn) cost hundreds of milliseconds per
 * evaluation, several times per build: measured, most of what a warm build
 * of a two-locale site spent more than its `:::note` twin (README,
 * Performance). The plugin's entry, which the config imports for
 * `remarkRoles`, therefore imports none of them; the lifecycles get them
 * from here, evaluated once.
 */
import nativeImport from './native-import.cjs';

type LifecycleCode = typeof import('./lifecycle-code.js');

let loading: Promise<LifecycleCode> | undefined;

/** The lifecycles' code (the first call loads it). */
export function loadLifecycleCode(): Promise<LifecycleCode> {
  loading ??= nativeImport(new URL('./lifecycle-code.js', import.meta.url).href) as Promise<LifecycleCode>;
  return loading;
}
