/**
 * `remarkRoles`: turns each `:::role` annotation into the `RoleCallout`
 * theme component.
 *
 * ```md
 * :::role[Captures the spine images]{of=technologist area=imaging}
 * Positions the patient prone.
 * :::
 * ```
 *
 * becomes (in MDX terms)
 *
 * ```jsx
 * import RolesPluginCallout from '@theme/RoleCallout'
 * <RolesPluginCallout id="captures-the-spine-images" roles="technologist"
 *   area="imaging" title="Captures the spine images">
 *   Positions the patient prone.
 * </RolesPluginCallout>
 * ```
 *
 * In a Docusaurus site it reads the options of `docusaurus-plugin-roles`;
 * elsewhere pass them (any unified pipeline with `remark-directive`).
 */
export {remarkRoles as default, remarkRoles} from './plugin.js';
export type {RemarkRolesOptions} from './plugin.js';
