/**
 * Which docusaurus-plugin-roles instance each content plugin instance (docs,
 * blog, pages) belongs to, so that each roles instance's table reads only
 * the pages whose callouts its options configure.
 *
 * The site config says it: a content instance's `remarkPlugins` list
 * `[remarkRoles, {instance: 'staff'}]`, or `remarkRoles` alone when the site
 * has one roles instance. A setup that leaves it open (several roles
 * instances and a `remarkRoles` without `instance`, or an `instance` that
 * does not exist) fails before anything is built, the fix named.
 */
import type {DocusaurusConfig} from '@docusaurus/types';
import type {ContentKind} from '../types.js';
import {contentInstancesSetup, describeInstance, isRemarkRoles} from './setup-check.js';

/** A content plugin instance, as the loaded content names it. */
export interface ContentInstance {
  kind: ContentKind;
  pluginId: string;
}

/** Which roles instance owns each content instance, and what is wrong with the setup. */
export interface ContentOwners {
  /** The roles instance whose table reads this content instance; `undefined`: none. */
  owner(kind: ContentKind, pluginId: string): string | undefined;
  /** The roles instance that checks content instances no table reads (for `remarkRoles` missing). */
  primary: string;
  /** Setup mistakes, each saying its fix; any one fails the build. */
  errors: string[];
  /** Content instances the config does not show (a custom preset): with several roles instances, no table reads them. */
  unseen: ContentInstance[];
}

/** The `instance` option of the `remarkRoles` a content instance's options list, if any. */
function remarkInstance(options: Record<string, unknown>): string | undefined {
  for (const list of [options.remarkPlugins, options.beforeDefaultRemarkPlugins]) {
    if (!Array.isArray(list)) continue;
    for (const item of list as unknown[]) {
      if (!isRemarkRoles(item) || !Array.isArray(item)) continue;
      const instance = (item[1] as {instance?: unknown} | undefined)?.instance;
      if (typeof instance === 'string') return instance;
    }
  }
  return undefined;
}

/** `'default', 'staff'` */
function quoted(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}

/**
 * Bind every content instance (`loaded`: those the site loaded) to a roles
 * instance (`rolesIds`: every instance of this plugin in the site).
 */
export function bindContentInstances(
  siteConfig: DocusaurusConfig,
  rolesIds: readonly string[],
  loaded: readonly ContentInstance[],
): ContentOwners {
  const single = rolesIds.length === 1 ? rolesIds[0] : undefined;
  const primary = rolesIds.includes('default') ? 'default' : ([...rolesIds].sort()[0] ?? 'default');
  // Messages name the instances in one order, whichever registered first.
  const named = [primary, ...rolesIds.filter((id) => id !== primary).sort()];
  const owners = new Map<string, string>();
  const errors: string[] = [];
  const declared = contentInstancesSetup(siteConfig);
  for (const {kind, pluginId, registered, options} of declared) {
    const key = `${kind}:${pluginId}`;
    const instance = registered ? remarkInstance(options) : undefined;
    if (instance !== undefined) {
      if (rolesIds.includes(instance)) owners.set(key, instance);
      else {
        errors.push(
          `The remarkRoles of ${describeInstance(kind, pluginId)} names \`instance: '${instance}'\`, but the site's docusaurus-plugin-roles instances are ${quoted(named)}: set \`instance\` to one of them.`,
        );
      }
    } else if (single !== undefined) {
      owners.set(key, single);
    } else if (registered) {
      errors.push(
        `The remarkRoles of ${describeInstance(kind, pluginId)} does not say which docusaurus-plugin-roles instance its pages belong to, and the site has ${rolesIds.length} (${quoted(named)}): in its remarkPlugins, write [remarkRoles, {instance: '${primary}'}] (or another of those ids) instead of remarkRoles.`,
      );
    } else {
      // Without remarkRoles: checked by one instance, whose error says to add it with `instance`.
      owners.set(key, primary);
    }
  }
  const unseen: ContentInstance[] = [];
  for (const instance of loaded) {
    const key = `${instance.kind}:${instance.pluginId}`;
    if (owners.has(key) || declared.some((each) => `${each.kind}:${each.pluginId}` === key)) continue;
    if (single !== undefined) owners.set(key, single);
    else unseen.push(instance);
  }
  return {owner: (kind, pluginId) => owners.get(`${kind}:${pluginId}`), primary, errors, unseen};
}

/**
 * A fix line that adds `remarkRoles` (see `setup-check.ts`), with the
 * roles instance named when the site has several.
 */
export function withInstance(fix: string, instance: string | undefined): string {
  return instance === undefined ? fix : fix.replace(/\bremarkRoles(?=\])/, `[remarkRoles, {instance: '${instance}'}]`);
}
