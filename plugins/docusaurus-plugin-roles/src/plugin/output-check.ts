/**
 * Check what a plugin instance writes into the build output (its table page
 * and its exports) against everything else written there, and say who
 * owns the file it would take and which option to change.
 */
import {conflictWith, routeFile, staticConflict, type OutputClaim} from './output-paths.js';
import type {RouteLayout} from './route-collision.js';
import type {PluginOptions} from '../types.js';

/** One file this instance writes, and the option that names it. */
export interface OwnOutput extends OutputClaim {
  option: 'tablePath' | 'jsonFilename' | 'csvFilename';
  /** The option's value, as the site wrote it. */
  value: string;
  /** `docusaurus-plugin-roles (instance 'default')`. */
  plugin: string;
}

/**
 * What an instance writes: its table pages (`tablePath`, and a docs
 * version's page under it; routes with the baseUrl) and its exports.
 */
export function ownOutputs(
  options: Pick<PluginOptions, 'id' | 'tablePath' | 'jsonFilename' | 'csvFilename'>,
  tablePaths: readonly string[],
  layout: RouteLayout,
): OwnOutput[] {
  const instance = `docusaurus-plugin-roles (instance '${options.id}')`;
  const outputs: OwnOutput[] = [];
  if (options.tablePath !== false) {
    for (const tablePath of tablePaths) {
      outputs.push({file: routeFile(tablePath, layout), owner: `the table page of ${instance}`, option: 'tablePath', value: options.tablePath, plugin: instance});
    }
  }
  if (options.jsonFilename) {
    outputs.push({file: options.jsonFilename, owner: `the JSON export of ${instance}`, option: 'jsonFilename', value: options.jsonFilename, plugin: instance});
  }
  if (options.csvFilename) {
    outputs.push({file: options.csvFilename, owner: `the CSV export of ${instance}`, option: 'csvFilename', value: options.csvFilename, plugin: instance});
  }
  return outputs;
}

/** The message for `own` taking the file of `other`. */
function conflictMessage(own: OwnOutput, other: string): string {
  const off = own.option === 'tablePath' ? 'for no table page' : 'for no such export';
  return `The ${own.option} option of ${own.plugin} is \`${own.value}\`, written to \`${own.file}\` in the build output, where ${other} already is: one of the two would be lost. Set \`${own.option}\` to a free ${own.option === 'tablePath' ? 'route' : 'file name'} (or to \`false\` ${off}).`;
}

/**
 * The first conflict of this instance's outputs with `others` (pages,
 * known plugin files, locale folders, the site's other instances), with
 * each other, or with the site's static files; `undefined` when there is none.
 */
export async function outputConflict(
  own: readonly OwnOutput[],
  others: readonly OutputClaim[],
  site: {siteDir: string; staticDirectories: readonly string[]},
): Promise<string | undefined> {
  for (const [index, output] of own.entries()) {
    const taken = conflictWith(output.file, [...others, ...own.slice(0, index)]);
    if (taken) return conflictMessage(output, taken.owner);
    const file = await staticConflict(output.file, site);
    if (file) return conflictMessage(output, `the static file \`${file}\``);
  }
  return undefined;
}
