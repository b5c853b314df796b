/**
 * Rules for option values that end up in places where a bad value does
 * harm: a route path (a folder of the build output), an export's file name
 * (a file in it), a role's colour (a `style` attribute). Pure: each returns
 * what is wrong, or `undefined` when the value is safe.
 */

/** Characters a route path segment may hold: letters, digits and `-._~`. */
const SEGMENT = /^[\p{L}\p{N}._~-]+$/u;

/**
 * What is wrong with a route path (`tablePath`), if anything. A safe route
 * starts with `/`, has segments of letters, digits and `-._~` only, and no
 * `.` or `..` segment, so it always names a page under the site's `baseUrl`,
 * and no segment Windows cannot write (`con`, `nul.txt`, `roles.`).
 */
export function routePathProblem(value: string): string | undefined {
  if (!value.startsWith('/')) return 'must be a path starting with `/`';
  const segments = value.slice(1).split('/');
  // A trailing slash leaves one empty segment at the end; `//` leaves one inside.
  if (segments.at(-1) === '') segments.pop();
  for (const segment of segments) {
    if (segment === '') return 'must not contain an empty segment (`//`)';
    if (segment === '.' || segment === '..') {
      return `must not contain a \`${segment}\` segment (a route is a folder of the build output: it must stay under the site's baseUrl)`;
    }
    if (!SEGMENT.test(segment)) {
      return `has the segment \`${printable(segment)}\`; segments may hold only letters, digits, \`-\`, \`.\`, \`_\` and \`~\``;
    }
    const unportable = windowsNameProblem(segment);
    if (unportable) return `has the segment \`${segment}\`, which ${unportable}`;
  }
  return undefined;
}

/**
 * What is wrong with an export file name (`jsonFilename`, `csvFilename`):
 * a plain name of letters, digits and `-._`, starting with a letter or
 * digit, with the export's own extension, so it cannot be a page
 * (`index.html`), leave the output folder or be hidden.
 */
export function fileNameProblem(value: string, extension: string): string | undefined {
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(value)) {
    return `must be a plain file name (letters, digits, \`-\`, \`.\`, \`_\`, starting with a letter or digit), not \`${printable(value)}\``;
  }
  if (!value.toLowerCase().endsWith(extension)) return `must end with \`${extension}\``;
  const unportable = windowsNameProblem(value);
  if (unportable) return `is \`${value}\`, which ${unportable}`;
  return undefined;
}

/**
 * Windows reserves these names for devices, with any extension and in any
 * case (`con`, `NUL.csv`, `com1.tar.json`): such a file or folder cannot be
 * written there, nor checked out from a repository that holds it.
 */
const DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i;

/**
 * What makes a file or folder name unusable on Windows, if anything: a
 * device name (whatever follows its first `.`), or a final `.`, which
 * Windows drops (so `roles.` would be `roles`).
 */
export function windowsNameProblem(name: string): string | undefined {
  if (DEVICE_NAME.test(name)) return 'Windows reserves for a device (CON, PRN, AUX, NUL, COM0–9, LPT0–9, with any extension): choose another name';
  if (name.endsWith('.')) return 'ends with `.`, which Windows drops: choose another name';
  return undefined;
}

/** What a role's colour must be, for messages. */
export const COLOR_RULE = 'must be a CSS colour (`#0a6ebd`, `rebeccapurple`, `oklch(…)`) or a variable (`var(--my-color)`)';

/** CSS named colours (CSS Color 4), plus the two keywords. */
const NAMED_COLORS = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown ' +
    'burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan ' +
    'darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid ' +
    'darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet ' +
    'deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ' +
    'ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki ' +
    'lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow ' +
    'lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
    'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine ' +
    'mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise ' +
    'mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab ' +
    'orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru ' +
    'pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown ' +
    'seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan ' +
    'teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen transparent currentcolor'
  ).split(' '),
);

/** Functions a colour may be written with (and nest). */
const COLOR_FUNCTIONS = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix', 'light-dark', 'var', 'calc',
]);

/**
 * Whether a value is a CSS colour that is safe in a `style` attribute: a
 * hex colour, a named colour, `var(--name)` (with an optional fallback), or
 * a colour function (`rgb()`, `oklch()`, `color-mix()`…) of numbers,
 * keywords and such functions. Nothing that could end the declaration
 * (`;`), open a block, quote, escape or load a URL passes.
 */
export function isCssColor(value: string): boolean {
  const color = value.trim().toLowerCase();
  if (/^#(?:[\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/.test(color)) return true;
  if (NAMED_COLORS.has(color)) return true;
  const outer = /^([a-z-]+)\(/.exec(color);
  if (!outer || !COLOR_FUNCTIONS.has(outer[1]!) || !color.endsWith(')')) return false;
  if (outer[1] === 'var' && !/^var\(--[a-z_\d-]+\s*(?:,|\))/.test(color)) return false;
  if (!/^[a-z\d\s#.,%/()+*-]+$/.test(color)) return false;
  let depth = 0;
  for (const char of color) {
    if (char === '(') depth += 1;
    else if (char === ')' && --depth < 0) return false;
  }
  if (depth !== 0) return false;
  // Every function named inside must be a colour function too.
  for (const [, name] of color.matchAll(/([a-z-]+)\(/g)) if (!COLOR_FUNCTIONS.has(name!)) return false;
  return true;
}

/** A value as it can be shown in a message: control characters escaped. */
function printable(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
