/** Locale-aware hooks of the table: its default caption, its plural counts and the title collator. */
import {useMemo} from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {translate} from '@docusaurus/Translate';
import {usePluralForm} from '@docusaurus/theme-common';
import {useListFormat} from '@theme/RolesUtils';
import type {View} from '@theme/RoleComparisonTable/filters';
import type {Column, GroupBy} from '@theme/RoleComparisonTable/model';

/** Compares titles as the site's language sorts them. */
export function useCollator(): Intl.Collator {
  const {i18n} = useDocusaurusContext();
  const lang = i18n.localeConfigs[i18n.currentLocale]?.htmlLang ?? i18n.currentLocale;
  return useMemo(() => {
    try {
      return new Intl.Collator(lang, {sensitivity: 'base', numeric: true});
    } catch {
      return new Intl.Collator(undefined, {sensitivity: 'base', numeric: true});
    }
  }, [lang]);
}

/** Caption built from the grouping and the configured role labels, e.g. "Duties by area: A and B". */
export function useDefaultCaption(columns: readonly Column[], groupBy: GroupBy = 'area'): string {
  const formatList = useListFormat();
  const roles = formatList(columns.map((column) => column.label));
  if (groupBy === 'page') {
    return columns.length === 0
      ? translate({
          id: 'theme.roles.table.captionByPageNoRoles',
          description: 'Default caption of the roles table grouped by page when no role is configured',
          message: 'Duties page by page',
        })
      : translate(
          {
            id: 'theme.roles.table.captionByPage',
            description: 'Default caption of the roles table grouped by page; {roles} is the list of role labels',
            message: 'Duties page by page: {roles}',
          },
          {roles},
        );
  }
  if (groupBy === 'section') {
    return columns.length === 0
      ? translate({
          id: 'theme.roles.table.captionBySectionNoRoles',
          description: 'Default caption of the roles table grouped by section when no role is configured',
          message: 'Duties section by section',
        })
      : translate(
          {
            id: 'theme.roles.table.captionBySection',
            description: 'Default caption of the roles table grouped by section (heading); {roles} is the list of role labels',
            message: 'Duties section by section: {roles}',
          },
          {roles},
        );
  }
  if (columns.length === 0) {
    return translate({
      id: 'theme.roles.table.captionNoRoles',
      description: 'Default caption of the roles comparison table when no role is configured',
      message: 'Duties by area',
    });
  }
  return translate(
    {
      id: 'theme.roles.table.caption',
      description: 'Default caption of the roles comparison table; {roles} is the list of role labels',
      message: 'Duties by area: {roles}',
    },
    {roles},
  );
}

/**
 * What else restricts what the table shows, said under its caption: the
 * area chosen, the view ("Shared duties only"), the docs version.
 */
export function useCaptionDetails({area, view, version}: {area: string | undefined; view: View; version: string | undefined}): string[] {
  const details: string[] = [];
  if (area !== undefined) {
    details.push(
      translate(
        {
          id: 'theme.roles.table.captionArea',
          description: 'Under the caption of the roles table when the reader chose one area; {area} is its label',
          message: 'Area: {area}',
        },
        {area},
      ),
    );
  }
  if (view === 'shared') {
    details.push(
      translate({
        id: 'theme.roles.table.captionShared',
        description: 'Under the caption of the roles table when only shared duties are shown',
        message: 'Shared duties only',
      }),
    );
  } else if (view === 'differ') {
    details.push(
      translate({
        id: 'theme.roles.table.captionDiffer',
        description: 'Under the caption of the roles table when only duties done by one role are shown',
        message: 'Duties of one role only',
      }),
    );
  }
  if (version !== undefined) {
    details.push(
      translate(
        {
          id: 'theme.roles.table.captionVersion',
          description: 'Under the caption of the roles table: the docs version it shows; {version} is its label',
          message: 'Version: {version}',
        },
        {version},
      ),
    );
  }
  return details;
}

/** Formats "2 shared" with the locale's plural rules. */
export function useSharedCount(): (count: number) => string {
  const {selectMessage} = usePluralForm();
  return (count) =>
    selectMessage(
      count,
      translate(
        {
          id: 'theme.roles.table.sharedCount',
          description:
            'Pluralized number of duties shared by several roles, shown in the total row. ' +
            'Use as many plural forms (separated by "|") as your language supports',
          message: '{count} shared|{count} shared',
        },
        {count},
      ),
    );
}

/** Formats "Showing 12 of 47 duties" with the locale's plural rules (on the total). */
export function useShowingCount(): (shown: number, total: number) => string {
  const {selectMessage} = usePluralForm();
  return (shown, total) =>
    selectMessage(
      total,
      translate(
        {
          id: 'theme.roles.table.status',
          description:
            'Live status above the roles table: how many duties the filters show, out of all. ' +
            'Use as many plural forms (separated by "|") as your language supports',
          message: 'Showing {shown} of {total} duty|Showing {shown} of {total} duties',
        },
        {shown, total},
      ),
    );
}
