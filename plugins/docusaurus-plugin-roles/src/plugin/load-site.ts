/**
 * Load a site's content the way `docusaurus build` does, for one locale,
 * without bundling anything: the context (config, i18n), the plugins, and
 * the loaded, translated content of the plugins the table reads (docs, blog,
 * pages) and of this plugin. What the CLI commands stand on.
 *
 * Docusaurus has no public API for this, so it uses the same server modules
 * of `@docusaurus/core` that its own commands use (`loadContext`,
 * `initPlugins`, `localizePluginTranslationFile`), resolved from the site.
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import type {
  AllContent,
  InitializedPlugin,
  LoadContext,
  TranslationFile,
} from '@docusaurus/types';
import type {PluginOptions} from '../types.js';

/** The content plugins whose files may hold annotations. */
const CONTENT_PLUGINS = new Set([
  'docusaurus-plugin-content-docs',
  'docusaurus-plugin-content-blog',
  'docusaurus-plugin-content-pages',
]);

/** The parts of `@docusaurus/core`'s server used here. */
interface CoreServer {
  loadContext(params: {siteDir: string; config?: string; locale?: string; outDir?: string}): Promise<LoadContext>;
  initPlugins(context: LoadContext): Promise<InitializedPlugin[]>;
  localizePluginTranslationFile(params: {
    localizationDir: string;
    plugin: InitializedPlugin;
    translationFile: TranslationFile;
  }): Promise<TranslationFile>;
}

/** `@docusaurus/core`'s server modules, from the copy the site itself uses. */
function coreServer(siteDir: string): CoreServer {
  const require = createRequire(path.join(siteDir, 'package.json'));
  const load = (module: string, name: keyof CoreServer): CoreServer[keyof CoreServer] => {
    const loaded = (() => {
      try {
        return require(`@docusaurus/core/lib/server/${module}`) as Partial<CoreServer>;
      } catch {
        return undefined;
      }
    })();
    const value = loaded?.[name];
    if (typeof value !== 'function') {
      throw new Error(
        `docusaurus-plugin-roles: this version of @docusaurus/core has no ${name}() in lib/server/${module}.js, which the roles commands need to load the site without building it. \`docusaurus build\` works anyway.`,
      );
    }
    return value;
  };
  return {
    loadContext: load('site.js', 'loadContext') as CoreServer['loadContext'],
    initPlugins: load('plugins/init.js', 'initPlugins') as CoreServer['initPlugins'],
    localizePluginTranslationFile: load(
      'translations/translations.js',
      'localizePluginTranslationFile',
    ) as CoreServer['localizePluginTranslationFile'],
  };
}

/** One instance of this plugin in the loaded site, with its translated content. */
export interface LoadedRolesInstance<Content> {
  options: PluginOptions;
  content: Content;
}

/** A site loaded for one locale: what `allContentLoaded` would receive. */
export interface LoadedSite<Content> {
  context: LoadContext;
  allContent: AllContent;
  /** Every instance of the plugin `pluginName` (this plugin), in config order. */
  instances: Array<LoadedRolesInstance<Content>>;
}

/**
 * Load the site for `locale`: every plugin is initialized (options validated
 * as in a build), and the content plugins and this plugin load and
 * translate their content; no other lifecycle runs, nothing is written.
 */
export async function loadSiteContent<Content>({
  siteDir,
  config,
  locale,
  outDir,
  pluginName,
}: {
  siteDir: string;
  config: string | undefined;
  locale: string;
  outDir?: string | undefined;
  pluginName: string;
}): Promise<LoadedSite<Content>> {
  const core = coreServer(siteDir);
  // As `docusaurus build` does for each locale: a config may read it.
  process.env.DOCUSAURUS_CURRENT_LOCALE = locale;
  const context = await core.loadContext({siteDir, config, locale, ...(outDir !== undefined && {outDir})});
  const plugins = (await core.initPlugins(context)).filter(
    (plugin) => CONTENT_PLUGINS.has(plugin.name) || plugin.name === pluginName,
  );
  const translate = context.i18n.localeConfigs[context.i18n.currentLocale]?.translate ?? true;
  const loaded = await Promise.all(
    plugins.map(async (plugin) => {
      let content = await plugin.loadContent?.();
      if (translate) {
        // As Docusaurus does before `contentLoaded`: the plugin's files,
        // merged with the locale's translations on disk.
        const files = (await plugin.getTranslationFiles?.({content})) ?? [];
        const translationFiles = await Promise.all(
          files.map((translationFile) =>
            core.localizePluginTranslationFile({localizationDir: context.localizationDir, plugin, translationFile}),
          ),
        );
        content = plugin.translateContent?.({content, translationFiles}) ?? content;
      }
      return {plugin, content};
    }),
  );
  const allContent: AllContent = {};
  for (const {plugin, content} of loaded) {
    (allContent[plugin.name] ??= {})[plugin.options.id] = content;
  }
  const instances = loaded
    .filter(({plugin}) => plugin.name === pluginName)
    .map(({plugin, content}) => ({options: plugin.options as unknown as PluginOptions, content: content as Content}));
  return {context, allContent, instances};
}
