// Byte-range edits on the original text: Python transforms never reprint a file, they replace
// exactly the ranges they mean to change, so every other byte (comments, CRLF, quotes) survives.

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

  constructor(readonly source: string) {}

  replace(start: number, end: number, text: string): this {
    if (start < 0 || end > this.source.length || start > end) {
      throw new RangeError(`edit [${start},${end}) outside the text (length ${this.source.length})`);
    }
    if (!this.edits.some((e) => e.start === start && e.end === end && e.text === text)) {
      this.edits.push({ start, end, text });
    }
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
    return this.edits.some((e) => rangesOverlap(e, { start, end, text: '' }));
  }

  /** The new text. @throws OverlappingEditError */
  apply(): string {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i++) {
      if (rangesOverlap(sorted[i - 1], sorted[i])) throw new OverlappingEditError(sorted[i - 1], sorted[i]);
    }
    let out = '';
    let cursor = 0;
    for (const edit of sorted) {
      out += this.source.slice(cursor, edit.start) + edit.text;
      cursor = edit.end;
    }
    return out + this.source.slice(cursor);
  }
}

/** Two insertions at the same point conflict too: their order would be a guess. */
function rangesOverlap(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
