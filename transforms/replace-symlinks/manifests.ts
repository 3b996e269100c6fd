// Manifest bookkeeping for one run: each package's existing manifest, the entries this run adds,
// and the link changes that may only happen if that manifest can be written.
import { ContainmentError, readRegularFile } from '../../lib/engine/containment.js';
import {
  formatManifest,
  MAX_MANIFEST_BYTES,
  mergeEntries,
  parseManifest,
  type BundleEntry,
  type Manifest,
} from '../../lib/deploy/manifest.js';
import { joinRel } from '../../lib/deploy/package-dir.js';
import { MANIFEST_NAME } from '../../lib/deploy/tree.js';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import type { FileChange } from '../../lib/engine/types.js';
import { emit, type Report } from './report.js';
import { byOrdinalKey } from '../../lib/order.js';

interface PackageBook {
  dir: string;
  manifestPath: string;
  before?: Buffer;
  manifest?: Manifest;
  error?: string;
  added: BundleEntry[];
  changes: FileChange[];
  /** Entries dropped because their link's change was not made. */
  dropped: number;
}

export class ManifestBook {
  private readonly books = new Map<string, PackageBook>();

  constructor(private readonly repo: RepoIndex) {}

  /** The package's manifest as read from disk (undefined when there is none or it is invalid). */
  book(dir: string): PackageBook {
    let book = this.books.get(dir);
    if (!book) {
      const manifestPath = joinRel(dir, MANIFEST_NAME);
      book = { dir, manifestPath, added: [], changes: [], dropped: 0 };
      try {
        book.before = readRegularFile(this.repo.absolute(manifestPath), MAX_MANIFEST_BYTES, manifestPath);
      } catch (error) {
        book.before = undefined;
        // a FIFO or device named like a manifest is never opened, and never replaced
        if (error instanceof ContainmentError && error.reason !== 'missing')
          book.error = error.message.replace(/^'[^']*' /, '');
      }
      if (book.error) {
        // left as is: its links are kept
      } else if (book.before) {
        try {
          book.manifest = parseManifest(book.before.toString('utf8'));
        } catch (error) {
          book.error = (error as Error).message;
        }
      } else {
        book.manifest = { entries: [], extra: {} };
      }
      this.books.set(dir, book);
    }
    return book;
  }

  /** Record changes that belong with a manifest update (a link replaced, an entry added). */
  add(dir: string, changes: FileChange[], entry?: BundleEntry): void {
    const book = this.book(dir);
    book.changes.push(...changes);
    if (entry) book.added.push(entry);
  }

  /**
   * Every change, manifests included. A package whose manifest cannot be read keeps its links:
   * removing them without writing their entries would lose where they pointed.
   */
  finish(report: Report): FileChange[] {
    const out: FileChange[] = [];
    for (const book of [...this.books.values()].sort(byOrdinalKey((x) => x.dir))) {
      if (book.error) {
        if (book.changes.length || book.added.length)
          emit(report, 'error', 'invalid-manifest', book.manifestPath, {
            manifest: book.manifestPath,
            reason: book.error,
          });
        continue;
      }
      out.push(...book.changes);
      if (book.added.length === 0) continue;
      const { manifest, replaced } = mergeEntries(book.manifest!, book.added);
      for (const { before, after } of replaced) {
        emit(report, 'warning', 'entry-replaced', book.manifestPath, {
          to: after.to,
          before: before.from,
          after: after.from,
        });
      }
      const text = formatManifest(manifest);
      if (book.before && book.before.toString('utf8') === text) continue;
      out.push({
        path: book.manifestPath,
        before: book.before ? { kind: 'file', bytes: book.before, executable: false } : null,
        after: { kind: 'file', bytes: Buffer.from(text, 'utf8'), executable: false },
      });
    }
    return out.sort(byOrdinalKey((x) => x.path));
  }
}
