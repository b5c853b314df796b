/**
 * Helpers shared by the roles theme components: reading the plugin's global
 * data, stable class names, role colours and two small i18n hooks.
 *
 * It lives in the theme folder (as `@theme/RolesUtils`, like
 * `@theme/Admonition/Types`) rather than beside it, so that a component a site
 * swizzles with `--eject` still finds it through the alias.
 */
import {createContext, createElement, useContext, useMemo, type CSSProperties, type ReactNode} from 'react';
import {usePluginData} from '@docusaurus/useGlobalData';
import {useActivePluginAndVersion} from '@docusaurus/plugin-content-docs/client';
import {useLocation} from '@docusaurus/router';
import useIsBrowser from '@docusaurus/useIsBrowser';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {translate} from '@docusaurus/Translate';
import {usePluralForm} from '@docusaurus/theme-common';
import type {RoleInfo, RolesGlobalData} from 'docusaurus-plugin-roles';

import styles from './styles.module.css';

/** Class of text that screen readers read but that is not shown. */
export const visuallyHiddenClassName: string = styles.visuallyHidden!;

/** Name under which the plugin publishes its global data. */
export const PLUGIN_NAME = 'docusaurus-plugin-roles';

/** Inline style that may also set CSS custom properties (`--role-color`). */
export type CSSVariables = CSSProperties & {[name: `--${string}`]: string};

// One frozen object, so components that fall back to it get a stable value.
const NO_DATA: RolesGlobalData = Object.freeze({roles: [], areas: [], tablePath: null, tablePages: [], handoutNote: ''});

/** The plugin instance the components inside a `RolesInstance` read (default: `'default'`). */
const InstanceContext = createContext<string | undefined>(undefined);

/**
 * Makes the components inside read the data of plugin instance `instance`
 * (a site with several instances of the plugin: the remark plugin passes
 * each callout, table and summary its own); `undefined` keeps the
 * surrounding one.
 */
export function RolesInstance({instance, children}: {instance: string | undefined; children: ReactNode}): ReactNode {
  const inherited = useContext(InstanceContext);
  return createElement(InstanceContext.Provider, {value: instance ?? inherited}, children);
}

/**
 * The roles, areas and table path the plugin published: those of
 * `instance`, else of the surrounding `RolesInstance`, else of the default
 * instance. Falls back to empty data instead of throwing, so a component
 * rendered without the plugin (a test, a stray swizzle) degrades to raw keys
 * rather than breaking the page.
 */
export function useRolesData(instance?: string): RolesGlobalData {
  const inherited = useContext(InstanceContext);
  const data = usePluginData(PLUGIN_NAME, instance ?? inherited) as RolesGlobalData | undefined;
  return data ?? NO_DATA;
}

/**
 * The table page that lists the duties of the page being read: the one of
 * the docs version the reader is browsing (`/roles/next` from a doc of the
 * next version), else `tablePath`; `null` when the site has no table page.
 */
export function useTablePath(): string | null {
  const {tablePath, tablePages = []} = useRolesData();
  const active = useActivePluginAndVersion();
  const pluginId = active?.activePlugin.pluginId;
  const version = active?.activeVersion?.name;
  if (pluginId === undefined || version === undefined) return tablePath;
  const page = tablePages.find(({scope}) => scope === null || scope[pluginId] === version);
  return page?.path ?? tablePath;
}

/** True inside a `RoleHandout`: the tables there print as part of the handout. */
export const RoleHandoutContext = createContext(false);

/** Whether the component is inside a `RoleHandout`. */
export function useInHandout(): boolean {
  return useContext(RoleHandoutContext);
}

/**
 * A role or area key made safe for a class name. Keys are usually slugs
 * already, but an unknown key is whatever the author typed.
 */
export function cssKey(key: string): string {
  return key.toLowerCase().replace(/[^\p{L}\p{N}_-]+/gu, '-');
}

/** Stable, documented class names for site CSS (never CSS-module hashes). */
export const RolesClassNames = {
  callout: {
    container: 'theme-role-callout',
    role: (key: string): string => `theme-role-callout--${cssKey(key)}`,
    shared: 'theme-role-callout--shared',
    title: 'theme-role-callout-title',
    body: 'theme-role-callout-body',
    compareLink: 'theme-role-callout-compare',
    footer: 'theme-role-callout-footer',
    /** The callout the URL hash points at. */
    target: 'theme-role-callout--target',
  },
  badge: {
    container: 'theme-role-badge',
    role: (key: string): string => `theme-role-badge--${cssKey(key)}`,
    unknown: 'theme-role-badge--unknown',
  },
  table: {
    container: 'theme-role-table',
    /** On the container: what the rows are (`--by-area`, `--by-page`, `--by-section`). */
    groupedBy: (groupBy: string): string => `theme-role-table--by-${cssKey(groupBy)}`,
    /** On the container of a table that prints alone, as a handout. */
    handout: 'theme-role-table--handout',
    area: (key: string): string => `theme-role-table-area--${cssKey(key)}`,
    /** A row that is a page, or a section of a page. */
    pageRow: 'theme-role-table-page',
    sectionRow: 'theme-role-table-section',
    /** The link of a page or section row header. */
    rowLink: 'theme-role-table-row-link',
    duty: 'theme-role-table-duty',
    /** The duty the URL hash points at. */
    dutyTarget: 'theme-role-table-duty--target',
    shared: 'theme-role-table-shared',
    /** A duty's text, in a disclosure (`<details>`) whose control (`<summary>`) is its title. */
    dutyText: 'theme-role-table-duty-text',
    /** A duty's title, in the disclosure's `<summary>`. */
    dutyTitle: 'theme-role-table-duty-title',
    /** A duty's link to its callout, inside the disclosure. */
    dutyLink: 'theme-role-table-duty-link',
    /** A duty's docs version, when the table shows several versions. */
    dutyVersion: 'theme-role-table-duty-version',
    /** A section row's page ("Glossary" in "Glossary › A"). */
    rowPage: 'theme-role-table-row-page',
    /** What else restricts what the table shows, under its caption. */
    captionDetails: 'theme-role-table-caption-details',
    /** The "jump to an area" links. */
    jump: 'theme-role-table-jump',
    /** Printed only: the numbered list of the pages the duties come from. */
    printedPages: 'theme-role-table-printed-pages',
    /** The page a duty comes from, when the row does not say it. */
    dutyPage: 'theme-role-table-duty-page',
    empty: 'theme-role-table--empty',
    /** The filter form (rendered only once hydrated). */
    controls: 'theme-role-table-controls',
    filter: 'theme-role-table-filter',
    roles: 'theme-role-table-roles',
    areaSelect: 'theme-role-table-area',
    groupSelect: 'theme-role-table-group',
    views: 'theme-role-table-views',
    sort: 'theme-role-table-sort',
    reset: 'theme-role-table-reset',
    /** The "Showing 12 of 47 duties" live region. */
    status: 'theme-role-table-status',
    /** The row shown when the filters match no duty. */
    noMatch: 'theme-role-table-no-match',
  },
  handout: {
    /** A part of the page printed on the handout (`@theme/RoleHandout`). */
    container: 'theme-role-handout',
    /** The handout's printed footer: the site, the page's address and the note. */
    footer: 'theme-role-handout-footer',
  },
  /** The version menu of the table page. */
  versions: 'theme-roles-versions',
  handoffs: {
    /** Under a callout: what it comes after and what it hands over to. */
    container: 'theme-role-handoffs',
    follows: 'theme-role-handoffs-follows',
    handsTo: 'theme-role-handoffs-hands-to',
    /** In a table cell, under a duty. */
    table: 'theme-role-table-handoffs',
  },
  flow: {
    container: 'theme-role-flow',
    lanes: 'theme-role-flow-lanes',
    step: 'theme-role-flow-step',
    duty: 'theme-role-flow-duty',
    arrow: 'theme-role-flow-arrow',
  },
  summary: {
    container: 'theme-roles-summary',
    title: 'theme-roles-summary-title',
    role: (key: string): string => `theme-roles-summary-role--${cssKey(key)}`,
    tableLink: 'theme-roles-summary-table-link',
  },
  // On <html>, named like `ThemeClassNames.page.*` (`docs-tags-list-page`).
  page: {
    container: 'roles-page',
  },
} as const;

// Infima colours, so a role without `color` still follows the site's palette
// and its dark mode. Primary first: the first configured role is the "main" one.
const FALLBACK_COLORS = [
  'var(--ifm-color-primary)',
  'var(--ifm-color-info)',
  'var(--ifm-color-warning)',
  'var(--ifm-color-success)',
  'var(--ifm-color-danger)',
];
const UNKNOWN_COLOR = 'var(--ifm-color-emphasis-500)';

/**
 * The accent colour of a role: its configured `color`, else an Infima colour
 * picked by its configured position (so a role keeps its colour on every
 * page), else grey for a key the site does not know.
 */
export function roleColor(roles: readonly RoleInfo[], key: string): string {
  const index = roles.findIndex((role) => role.key === key);
  if (index === -1) {
    return UNKNOWN_COLOR;
  }
  const fallback = FALLBACK_COLORS[index % FALLBACK_COLORS.length] ?? UNKNOWN_COLOR;
  return roles[index]?.color ?? fallback;
}

/**
 * The element id the URL hash points at, once hydrated. `:target` alone is not
 * enough: client-side navigation uses `history.pushState`, which does not
 * update `:target`. Undefined during SSR and hydration so markup matches.
 */
export function useTargetId(): string | undefined {
  const {hash} = useLocation();
  const isBrowser = useIsBrowser();
  if (!isBrowser || hash.length < 2) {
    return undefined;
  }
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    // A malformed escape in a hand-typed URL: compare it as written.
    return hash.slice(1);
  }
}

/** Formats "One duty" / "3 duties" with the locale's plural rules. */
export function useDutyCount(): (count: number) => string {
  const {selectMessage} = usePluralForm();
  return (count) =>
    selectMessage(
      count,
      translate(
        {
          id: 'theme.roles.dutyCount',
          description:
            'Pluralized number of duties (role annotations). Use as many plural forms (separated by "|") as your language supports',
          message: 'One duty|{count} duties',
        },
        {count},
      ),
    );
}

/**
 * Joins labels as the current locale does ("A, B and C"). `Intl.ListFormat`
 * gives the same answer on the server and in the browser, so SSR is stable.
 */
export function useListFormat(): (items: readonly string[]) => string {
  const {i18n} = useDocusaurusContext();
  const lang = i18n.localeConfigs[i18n.currentLocale]?.htmlLang ?? i18n.currentLocale;
  return useMemo(() => {
    try {
      const format = new Intl.ListFormat(lang, {style: 'long', type: 'conjunction'});
      return (items) => format.format(items);
    } catch {
      // An invalid language tag in the site config must not break the page.
      return (items) => items.join(', ');
    }
  }, [lang]);
}
