/**
 * Node's own `import()`. A CommonJS file, because jiti (which Docusaurus
 * loads configs and plugins with) rewrites the `import()` of the ES modules
 * it evaluates into its own loader, which has no module cache; it leaves
 * `.cjs` files to Node, whose loader keeps each module once per process.
 */
const nativeImport = (specifier: string): Promise<unknown> => import(specifier);
export = nativeImport;
