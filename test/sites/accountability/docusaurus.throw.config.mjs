// The same site with a CI's setting: an overdue review fails the build, as
// a broken link does.
import {remarkRoles} from 'docusaurus-plugin-roles';
import {rolesOptions, siteConfig} from './options.mjs';

export default siteConfig({
  remarkRoles,
  roles: {...rolesOptions, reviews: {...rolesOptions.reviews, onOverdue: 'throw'}},
});
