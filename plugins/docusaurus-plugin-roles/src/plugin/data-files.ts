/**
 * The plugin's generated modules (the table's entries, each annotated page's
 * handoffs), written where `createData` would write them, but only when
 * their content changed.
 *
 * Docusaurus's `createData` reads every existing file back to compare it
 * on the first run of a process (and rewrites every file in a production
 * build). A site of 10,000 docs has 7,000 handoff modules and a 13 MB
 * entries module: reading them back was a third of a `docusaurus start`
 * restart. Here a record beside them, `written.json`, keeps each module's
 * content hash with the size and time its file had once written: a file
 * whose size and time still match is not read. Any other file (deleted,
 * edited by hand, or not in a missing or damaged record) is written again:
 * the record can only save a write, never keep a stale module.
 */
import {createHash} from 'node:crypto';
import {statSync, type Stats} from 'node:fs';
import {mkdir, open, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';

/** One module: its name under the plugin instance's folder, and its content. */
export interface DataFile {
  name: string;
  content: string;
}

/** What the record says of a file once written. */
interface Written {
  hash: string;
  size: number;
  mtimeMs: number;
}

/** The record's file, in the plugin instance's generated folder. */
export const RECORD_FILE = 'written.json';
const RECORD_FORMAT = 'docusaurus-plugin-roles/written-modules';
const RECORD_SCHEMA = 1;

function hashOf(content: string): string {
  return createHash('sha256').update(content).digest('base64url');
}

/** The record of `dataDir`, empty when it is missing or not one. */
async function loadRecord(dataDir: string): Promise<Map<string, Written>> {
  try {
    const data = JSON.parse(await readFile(path.join(dataDir, RECORD_FILE), 'utf8')) as {
      format?: unknown;
      schema?: unknown;
      files?: Record<string, Written>;
    };
    if (data.format !== RECORD_FORMAT || data.schema !== RECORD_SCHEMA || typeof data.files !== 'object' || !data.files) {
      return new Map();
    }
    return new Map(Object.entries(data.files));
  } catch {
    return new Map();
  }
}

/**
 * Whether `file` is on disk as the record says it was written. (A sync
 * stat: thousands of them take a tenth of the time promises do.)
 */
function unchangedOnDisk(file: string, written: Written): boolean {
  const info = statSync(file, {throwIfNoEntry: false});
  return info !== undefined && info.isFile() && info.size === written.size && info.mtimeMs === written.mtimeMs;
}

/**
 * Writes the modules of one plugin instance's generated folder (`dataDir`,
 * as `createData` resolves it), each only when its content or its file
 * changed since it was last written.
 */
export class DataFiles {
  /** The record, loaded on the first write of the process. */
  private record: Promise<Map<string, Written>> | undefined;

  constructor(private readonly dataDir: string) {}

  /** Writes `files`; resolves with the names it wrote. */
  async write(files: readonly DataFile[]): Promise<string[]> {
    this.record ??= loadRecord(this.dataDir);
    const record = await this.record;
    const wrote: string[] = [];
    await Promise.all(
      files.map(async ({name, content}) => {
        const file = path.join(this.dataDir, name);
        const hash = hashOf(content);
        const known = record.get(name);
        if (known?.hash === hash && unchangedOnDisk(file, known)) return;
        await mkdir(path.dirname(file), {recursive: true});
        // The file's size and time as this write left them (not after a
        // later writer's, which then reads as changed).
        const handle = await open(file, 'w');
        let info: Stats;
        try {
          await handle.writeFile(content);
          info = await handle.stat();
        } finally {
          await handle.close();
        }
        record.set(name, {hash, size: info.size, mtimeMs: info.mtimeMs});
        wrote.push(name);
      }),
    );
    if (wrote.length > 0) {
      const saved = {format: RECORD_FORMAT, schema: RECORD_SCHEMA, files: Object.fromEntries(record)};
      await writeFile(path.join(this.dataDir, RECORD_FILE), JSON.stringify(saved));
    }
    return wrote.sort();
  }
}
