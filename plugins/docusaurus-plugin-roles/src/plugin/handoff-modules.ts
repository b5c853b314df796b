/**
 * Where each page's handoffs live for the browser: one small JSON module per
 * annotated file, `handoffs/<hash>.json` in the plugin's generated folder,
 * which the remark plugin imports into the page.
 *
 * Not baked into the page's compiled code, because the other end of a link
 * changes without the page changing: when A starts handing over to B,
 * B's callout must show it. The module is rewritten (only when its content
 * changes), the bundler sees a changed dependency of B, and under
 * `npm start` B updates; a persistent bundler cache (Rspack's, with
 * `future.v4`) cannot replay a stale B either. Every annotated page imports
 * its module, whatever it holds today, for the same reason: whether a page
 * has handoffs depends on other pages. A site of 5,000 duties on 3,000
 * pages gets 3,000 modules of a few hundred bytes, beside Docusaurus's own
 * metadata module per doc; a page loads only its own.
 */
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {PageHandoffs} from './handoffs.js';

/** The folder of the modules, under the plugin instance's generated folder. */
export const HANDOFFS_FOLDER = 'handoffs';

/** The module name of a file's handoffs: `handoffs/<hash of its site-relative path>.json`. */
export function handoffModuleName(siteDir: string, filePath: string): string {
  const relative = path.relative(siteDir, filePath).split(path.sep).join('/');
  const hash = createHash('sha1').update(relative).digest('hex').slice(0, 16);
  return `${HANDOFFS_FOLDER}/${hash}.json`;
}

/** A module's content: the page's handoffs by callout id (`{}` for none). */
export function handoffModuleContent(handoffs: PageHandoffs | undefined): string {
  return JSON.stringify(handoffs ?? {});
}

/**
 * The module a page imports, created empty when the plugin has not written
 * it yet (a page that just got its first annotation under `npm start`, which
 * the bundler compiles before the plugin's reload writes its module; or a
 * partial, which is not a page): the import must always resolve.
 */
export function ensureHandoffModule(dataDir: string, siteDir: string, filePath: string): string {
  const modulePath = path.join(dataDir, handoffModuleName(siteDir, filePath));
  if (!existsSync(modulePath)) {
    mkdirSync(path.dirname(modulePath), {recursive: true});
    writeFileSync(modulePath, handoffModuleContent(undefined));
  }
  return modulePath;
}
