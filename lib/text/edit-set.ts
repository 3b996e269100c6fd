// Byte-range edits on the original text, for every language: transforms never reprint a file,
// they replace exactly the ranges they mean to change, so every other byte (comments, CRLF, quotes) survives.

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export class OverlappingEditError extends Error {
  constructor(a: TextEdit, b: TextEdit) {
    super(`overlapping edits [${a.start},${a.end}) and [${b.start},${b.end})`);
  }
}

/**
 * A set of replacements on one source string, applied together. Edits may be added in any
 * order; two edits that overlap are refused (a transform bug, never silently merged).
 * Identical duplicate edits are collapsed, so two passes may propose the same fix.
 * @example
 *   const edits = new EditSet(src);
 *   edits.replace(node.startIndex, node.endIndex, 'new.module');
 *   const out = edits.apply();
 */
export class EditSet {
  private readonly edits: TextEdit[] = [];
  /** `start:end` ➔ texts already there: duplicates are found without a scan (50,000 edits in a file are normal). */
  private readonly byRange = new Map<string, string[]>();
  /** Edits usually arrive in source order; sorting waits until a query needs it. */
  private sorted = true;
  /** The longest edit's length: how far back of a probe an overlapping edit can start. */
  private longest = 0;

  constructor(readonly source: string) {}

  replace(start: number, end: number, text: string): this {
    if (start < 0 || end > this.source.length || start > end) {
      throw new RangeError(`edit [${start},${end}) outside the text (length ${this.source.length})`);
    }
    const key = `${start}:${end}`;
    const texts = this.byRange.get(key);
    if (texts?.includes(text)) return this;
    if (texts) texts.push(text);
    else this.byRange.set(key, [text]);
    const last = this.edits[this.edits.length - 1];
    if (last && (start < last.start || (start === last.start && end < last.end))) this.sorted = false;
    this.edits.push({ start, end, text });
    this.longest = Math.max(this.longest, end - start);
    return this;
  }

  insert(at: number, text: string): this {
    return this.replace(at, at, text);
  }

  delete(start: number, end: number): this {
    return this.replace(start, end, '');
  }

  get size(): number {
    return this.edits.length;
  }

  /** True when [start, end) overlaps an edit already in the set. */
  overlaps(start: number, end: number): boolean {
    const edits = this.inOrder();
    const probe = { start, end, text: '' };
    // edits starting at or after `end` cannot overlap, except an insertion exactly at an empty probe
    let low = 0;
    let high = edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (edits[mid].start <= end) low = mid + 1;
      else high = mid;
    }
    // walk back over the candidates: none starting further back than the longest edit reaches
    for (let i = low - 1; i >= 0 && edits[i].start + this.longest >= start; i--) {
      if (rangesOverlap(edits[i], probe)) return true;
    }
    return false;
  }

  /** The new text. @throws OverlappingEditError */
  apply(): string {
    const sorted = this.inOrder();
    for (let i = 1; i < sorted.length; i++) {
      if (rangesOverlap(sorted[i - 1], sorted[i])) throw new OverlappingEditError(sorted[i - 1], sorted[i]);
    }
    const parts: string[] = [];
    let cursor = 0;
    for (const edit of sorted) {
      parts.push(this.source.slice(cursor, edit.start), edit.text);
      cursor = edit.end;
    }
    parts.push(this.source.slice(cursor));
    return parts.join('');
  }

  private inOrder(): TextEdit[] {
    if (!this.sorted) {
      // stable: two insertions at one point keep the order they were added in
      this.edits.sort((a, b) => a.start - b.start || a.end - b.end);
      this.sorted = true;
    }
    return this.edits;
  }
}

/** Two insertions at the same point conflict too: their order would be a guess. */
function rangesOverlap(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
