import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type Acl = 'public-read' | 'private';

export interface StoredFile {
  key: string;
  name: string;
  size: number;
  type: string;
  customId: string | null;
  acl: Acl;
  contentDisposition: 'inline' | 'attachment';
  /** md5 of the bytes, hex — what UploadThing reports as `fileHash`. */
  fileHash: string;
  uploadedAt: number;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export function isValidKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/**
 * Files on disk: `<dir>/<key>` holds the bytes, `<dir>/<key>.json` what UploadThing knows about them,
 * `<dir>/<key>.partial` an upload interrupted part-way (resumed with `Range`). Kept across restarts.
 */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    for (const entry of readdirSync(dir)) {
      if (!entry.endsWith('.json')) continue;
      const file = JSON.parse(readFileSync(path.join(dir, entry), 'utf8')) as StoredFile;
      if (isValidKey(file.key)) this.files.set(file.key, file);
    }
  }

  get(key: string): StoredFile | undefined {
    return this.files.get(key);
  }

  byCustomId(customId: string): StoredFile | undefined {
    for (const file of this.files.values()) if (file.customId === customId) return file;
    return undefined;
  }

  /** Newest first, as UploadThing lists them. */
  list(): StoredFile[] {
    return [...this.files.values()].sort((a, b) => b.uploadedAt - a.uploadedAt || a.key.localeCompare(b.key));
  }

  async bytes(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async receivedBytes(key: string): Promise<number> {
    return stat(this.pathOf(key, '.partial')).then((s) => s.size, () => 0);
  }

  async resetPartial(key: string): Promise<void> {
    await writeFile(this.pathOf(key, '.partial'), Buffer.alloc(0));
  }

  async appendPartial(key: string, chunk: Buffer): Promise<void> {
    await appendFile(this.pathOf(key, '.partial'), chunk);
  }

  /** Turns the received bytes into the file; `record` gets its hash and size from them. */
  async complete(record: Omit<StoredFile, 'fileHash' | 'size'>): Promise<StoredFile> {
    const bytes = await readFile(this.pathOf(record.key, '.partial')).catch(() => Buffer.alloc(0));
    const file: StoredFile = { ...record, size: bytes.length, fileHash: createHash('md5').update(bytes).digest('hex') };
    await writeFile(this.pathOf(record.key), bytes);
    await writeFile(this.pathOf(record.key, '.json'), JSON.stringify(file));
    await rm(this.pathOf(record.key, '.partial'), { force: true });
    this.files.set(file.key, file);
    return file;
  }

  async update(key: string, change: Partial<Pick<StoredFile, 'name' | 'acl'>>): Promise<void> {
    const file = this.files.get(key);
    if (!file) return;
    const updated = { ...file, ...change };
    await writeFile(this.pathOf(key, '.json'), JSON.stringify(updated));
    this.files.set(key, updated);
  }

  async delete(key: string): Promise<boolean> {
    const existed = this.files.delete(key);
    await Promise.all(['', '.json', '.partial'].map((suffix) => rm(this.pathOf(key, suffix), { force: true })));
    return existed;
  }

  private pathOf(key: string, suffix = ''): string {
    if (!isValidKey(key)) throw new Error(`Not a file key: ${key}`);
    return path.join(this.dir, `${key}${suffix}`);
  }
}
