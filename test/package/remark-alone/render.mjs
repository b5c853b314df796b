// A bare unified pipeline, as the README's API section shows: Markdown in,
// HTML out, `remarkRoles` configured with its own options. Run from a folder
// where no @docusaurus/* package is installed; prints the HTML and the
// messages as JSON.
import {readFile} from 'node:fs/promises';
import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import {VFile} from 'vfile';
import {remarkRoles} from 'docusaurus-plugin-roles/remark';

const severity = process.argv[2] ?? 'warn';
const value = await readFile(new URL('./input.md', import.meta.url), 'utf8');
try {
  const file = await unified()
    .use(remarkParse)
    .use(remarkDirective)
    .use(remarkRoles, {onInvalidAnnotation: severity})
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(new VFile({path: 'docs/contrast.md', value}));
  const messages = file.messages.map(({line, column, ruleId, fatal, reason}) => ({line, column, ruleId, fatal, reason}));
  console.log(JSON.stringify({html: String(file), messages}));
} catch (error) {
  console.log(JSON.stringify({error: error.message}));
}
