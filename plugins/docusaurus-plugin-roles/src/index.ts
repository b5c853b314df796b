/**
 * docusaurus-plugin-roles: tag who does what in Markdown (`:::role`) and get
 * a site-wide comparison table.
 *
 * The default export is the Docusaurus plugin (`plugin/`); the named exports
 * are the remark transform (`remark/`), the extractor that decides what an
 * annotation is (`core/`), option validation and the types.
 */
export {default, getSwizzleConfig} from './plugin/index.js';
export {validateOptions, DEFAULT_OPTIONS} from './options.js';
export {remarkRoles} from './remark/index.js';
export type {RemarkRolesOptions} from './remark/index.js';
export {extractAnnotations} from './core/extract.js';
export type {ExtractResult, FoundAnnotation, RoleAnnotation, RuleId} from './core/extract.js';
export type * from './types.js';
