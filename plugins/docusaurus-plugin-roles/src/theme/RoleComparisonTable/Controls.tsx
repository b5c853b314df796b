/** The filter form above the table: text filter, area, group-by and sort selects, role checkboxes, view radios and reset. */
import {useId, type ChangeEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import {RolesClassNames} from '@theme/RolesUtils';
import type {FilterState, View} from '@theme/RoleComparisonTable/filters';
import {GROUP_BYS, isGroupBy, type Column, type GroupBy, type Row} from '@theme/RoleComparisonTable/model';
import type {FilterApi} from '@theme/RoleComparisonTable/useFilters';
import {AudienceSelect} from '@theme/RoleComparisonTable/AudienceSelect';
import type {AudienceInfo} from 'docusaurus-plugin-roles';

import styles from './styles.module.css';

/** What the filter form shows and changes. */
interface ControlsProps {
  filters: FilterState;
  /** Roles the reader may hide (configured roles among the columns). */
  toggleable: readonly Column[];
  /** Shown role keys. */
  shownRoles: ReadonlySet<string>;
  areas: readonly Row[];
  /** The grouping shown, and the table's own (its `groupBy` prop): choosing it leaves the URL clean. */
  groupBy: GroupBy;
  defaultGroupBy: GroupBy;
  api: FilterApi;
  /** Audiences the reader may choose among (none: no audience filter). */
  audiences?: readonly AudienceInfo[];
  /** Offer the "Due for review" view (the table page, for staff). */
  reviewView?: boolean;
}

/** The group-by options' labels. */
function groupByLabel(groupBy: GroupBy): string {
  switch (groupBy) {
    case 'page':
      return translate({
        id: 'theme.roles.table.groupBy.page',
        description: 'Group-by option of the roles table: one row per page, in sidebar order',
        message: 'Page',
      });
    case 'section':
      return translate({
        id: 'theme.roles.table.groupBy.section',
        description: 'Group-by option of the roles table: one row per section (heading) of each page',
        message: 'Section',
      });
    default:
      return translate({
        id: 'theme.roles.table.groupBy.area',
        description: 'Group-by option of the roles table: one row per area of work',
        message: 'Area',
      });
  }
}

/** The filter form: native controls only, so keyboards and screen readers know them. */
export function FilterControls({
  filters,
  toggleable,
  shownRoles,
  areas,
  groupBy,
  defaultGroupBy,
  api,
  audiences = [],
  reviewView = false,
}: ControlsProps): ReactNode {
  const id = useId();
  const {setQuery, flushQuery, change, reset} = api;
  const onRole = (event: ChangeEvent<HTMLInputElement>) => {
    const {value, checked} = event.target;
    const shown = toggleable
      .map((column) => column.key)
      .filter((key) => (key === value ? checked : shownRoles.has(key)));
    // All shown is the default: leave the parameter out.
    change({roles: shown.length === toggleable.length ? null : shown});
  };
  const views: {value: View; label: string}[] = [
    {
      value: 'all',
      label: translate({
        id: 'theme.roles.table.view.all',
        description: 'Table filter option: show every duty',
        message: 'All duties',
      }),
    },
    {
      value: 'shared',
      label: translate({
        id: 'theme.roles.table.view.shared',
        description: 'Table filter option: only duties done by several roles',
        message: 'Shared duties',
      }),
    },
    {
      value: 'differ',
      label: translate({
        id: 'theme.roles.table.view.differ',
        description: 'Table filter option: only duties done by a single role',
        message: 'Only where the roles differ',
      }),
    },
    ...(reviewView
      ? [
          {
            value: 'review' as const,
            label: translate({
              id: 'theme.roles.table.view.review',
              description: 'Table filter option for staff: list the duties whose review is overdue, due soon or missing',
              message: 'Due for review',
            }),
          },
        ]
      : []),
  ];
  return (
    <form
      className={clsx(RolesClassNames.table.controls, styles.controls)}
      aria-label={translate({
        id: 'theme.roles.table.filters',
        description: 'Accessible name of the form that filters the roles table',
        message: 'Filter the table',
      })}
      role="search"
      onSubmit={(event) => event.preventDefault()}>
      <div className={styles.controlRow}>
        <div className={clsx(styles.field, styles.fieldGrow)}>
          <label htmlFor={`${id}-q`} className={styles.label}>
            <Translate id="theme.roles.table.filter" description="Label of the text filter of the roles table">
              Filter duties
            </Translate>
          </label>
          <input
            id={`${id}-q`}
            type="search"
            name="q"
            className={clsx(RolesClassNames.table.filter, styles.input)}
            value={filters.q}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setQuery(event.target.value)}
            onBlur={flushQuery}
            onKeyDown={(event) => {
              if (event.key === 'Enter') flushQuery();
            }}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-area`} className={styles.label}>
            <Translate id="theme.roles.table.areaFilter" description="Label of the area filter of the roles table">
              Area
            </Translate>
          </label>
          <select
            id={`${id}-area`}
            name="area"
            className={clsx(RolesClassNames.table.areaSelect, styles.input)}
            value={filters.area}
            onChange={(event) => change({area: event.target.value})}>
            <option value="">
              {translate({
                id: 'theme.roles.table.allAreas',
                description: 'Option of the area filter that shows every area',
                message: 'All areas',
              })}
            </option>
            {areas.map((area) => (
              <option key={area.key} value={area.key}>
                {area.label}
              </option>
            ))}
          </select>
        </div>
        {audiences.length > 1 && (
          <AudienceSelect id={`${id}-audience`} audiences={audiences} value={filters.audience} onChange={(audience) => change({audience})} />
        )}
        <div className={styles.field}>
          <label htmlFor={`${id}-group`} className={styles.label}>
            <Translate id="theme.roles.table.groupBy" description="Label of the select that chooses the rows of the roles table">
              Group by
            </Translate>
          </label>
          <select
            id={`${id}-group`}
            name="group"
            className={clsx(RolesClassNames.table.groupSelect, styles.input)}
            value={groupBy}
            onChange={(event) => {
              const {value} = event.target;
              change({group: isGroupBy(value) && value !== defaultGroupBy ? value : null});
            }}>
            {GROUP_BYS.map((option) => (
              <option key={option} value={option}>
                {groupByLabel(option)}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-sort`} className={styles.label}>
            <Translate id="theme.roles.table.sort" description="Label of the sort order select of the roles table">
              Sort
            </Translate>
          </label>
          <select
            id={`${id}-sort`}
            name="sort"
            className={clsx(RolesClassNames.table.sort, styles.input)}
            value={filters.sort}
            onChange={(event) => change({sort: event.target.value === 'title' ? 'title' : 'source'})}>
            <option value="source">
              {translate({
                id: 'theme.roles.table.sort.source',
                description: 'Sort option: duties in the order they appear in the docs',
                message: 'Order in the docs',
              })}
            </option>
            <option value="title">
              {translate({
                id: 'theme.roles.table.sort.title',
                description: 'Sort option: duties alphabetically by title',
                message: 'Title A–Z',
              })}
            </option>
          </select>
        </div>
      </div>
      <div className={styles.controlRow}>
        {toggleable.length > 0 && (
          <fieldset className={clsx(RolesClassNames.table.roles, styles.fieldset)}>
            <legend className={styles.label}>
              <Translate id="theme.roles.table.rolesFilter" description="Legend of the role checkboxes of the roles table">
                Roles
              </Translate>
            </legend>
            {toggleable.map((column) => (
              <label key={column.key} className={styles.choice}>
                <input
                  type="checkbox"
                  name="role"
                  value={column.key}
                  checked={shownRoles.has(column.key)}
                  onChange={onRole}
                />
                {column.label}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset className={clsx(RolesClassNames.table.views, styles.fieldset)}>
          <legend className={styles.label}>
            <Translate id="theme.roles.table.view" description="Legend of the view radio buttons of the roles table">
              Show
            </Translate>
          </legend>
          {views.map((view) => (
            <label key={view.value} className={styles.choice}>
              <input
                type="radio"
                name="view"
                value={view.value}
                checked={filters.view === view.value}
                onChange={() => change({view: view.value})}
              />
              {view.label}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          className={clsx(RolesClassNames.table.reset, 'button button--secondary button--sm', styles.reset)}
          onClick={reset}>
          <Translate id="theme.roles.table.reset" description="Button that clears the filters of the roles table">
            Clear filters
          </Translate>
        </button>
      </div>
    </form>
  );
}
