// Sources, owners, reviews and audiences, from the annotations, the front
// matter and the site's defaults; every check at its default severity: the
// build passes, with warnings (a missing source, an overdue review, a hard
// sentence for patients, a near-duplicate) and a note (a review due soon).
import {remarkRoles} from 'docusaurus-plugin-roles';
import {rolesOptions, siteConfig} from './options.mjs';

export default siteConfig({remarkRoles, roles: rolesOptions});
