/** The audience filter of the table: every duty, or those for one audience (patients, staff…). */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import Translate, {translate} from '@docusaurus/Translate';
import type {AudienceInfo} from 'docusaurus-plugin-roles';

import styles from './styles.module.css';

/** Stable class name of the select, for site CSS. */
const AUDIENCE_SELECT_CLASS = 'theme-role-table-audience';

/** A native select, labelled, in the filter form's layout. */
export function AudienceSelect({
  id,
  audiences,
  value,
  onChange,
}: {
  id: string;
  audiences: readonly AudienceInfo[];
  /** The chosen key, `''` for every audience. */
  value: string;
  onChange: (audience: string) => void;
}): ReactNode {
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        <Translate id="theme.roles.table.audienceFilter" description="Label of the audience filter of the roles table">
          Audience
        </Translate>
      </label>
      <select
        id={id}
        name="audience"
        className={clsx(AUDIENCE_SELECT_CLASS, styles.input)}
        value={value}
        onChange={(event) => onChange(event.target.value)}>
        <option value="">
          {translate({
            id: 'theme.roles.table.allAudiences',
            description: 'Option of the audience filter that shows the duties for every audience',
            message: 'Everyone',
          })}
        </option>
        {audiences.map((audience) => (
          <option key={audience.key} value={audience.key}>
            {audience.label}
          </option>
        ))}
      </select>
    </div>
  );
}
