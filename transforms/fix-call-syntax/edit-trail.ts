// The edits of successive passes, so a position in the text after them can be traced back to
// the file as the user has it (diagnostics always point into the original file).
import type { TextEdit } from '../../lib/text/edit-set.js';

export class EditTrail {
  private readonly steps: TextEdit[][] = [];

  /** Remember one pass's edits (positions in the text that pass started from). */
  record(edits: readonly TextEdit[]): void {
    if (edits.length) this.steps.push([...edits].sort((a, b) => a.start - b.start || a.end - b.end));
  }

  get changed(): boolean {
    return this.steps.length > 0;
  }

  /** The original index of an index in the latest text; inside inserted text, where it was inserted. */
  original(index: number): number {
    let at = index;
    for (let s = this.steps.length - 1; s >= 0; s--) {
      let delta = 0;
      let mapped: number | undefined;
      for (const edit of this.steps[s]) {
        const newStart = edit.start + delta;
        if (at < newStart) break;
        if (at < newStart + edit.text.length) {
          mapped = edit.start;
          break;
        }
        delta += edit.text.length - (edit.end - edit.start);
      }
      at = mapped ?? at - delta;
    }
    return at;
  }
}
