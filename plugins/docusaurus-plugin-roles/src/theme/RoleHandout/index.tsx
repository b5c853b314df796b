/**
 * A part of the page that prints on the patient's handout. Printing a page
 * that holds one or more `<RoleHandout>` parts (or a table with `handout`)
 * prints the page title, those parts in page order (an introduction, the
 * table, a "before you go" checklist…) and a footer: the site's name, the
 * page's address and the `handoutNote` option (or this part's `note`).
 * Nothing else of the page and no site navigation; light even in dark mode.
 * On screen it is the page's content as usual.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import {RoleHandoutContext, RolesClassNames} from '@theme/RolesUtils';
import HandoutFooter from '@theme/RoleHandout/Footer';
import type {Props} from '@theme/RoleHandout';

import styles from './styles.module.css';

/** Renders its children as they are, marked for print, with the handout's footer (printed only). */
export default function RoleHandout({children, note, className}: Props): ReactNode {
  return (
    <div className={clsx(RolesClassNames.handout.container, styles.handout, className)}>
      <RoleHandoutContext.Provider value>{children}</RoleHandoutContext.Provider>
      <HandoutFooter note={note} />
    </div>
  );
}
