// `self.<name> = …` in a class's methods: an instance attribute that may shadow a method (or hold
// a logger), which a call through `self.<name>(…)` must know about. Part of the class scan.
import type { Node } from 'web-tree-sitter';
import type { FileScan } from './class-scan.js';
import { isGetLogger } from './signature.js';

/** Candidates: `self.x =`, `self.x: T =`, `self.x ==` (the tree tells an assignment from the rest). */
const SELF_ASSIGNMENT = /\bself\s*\.\s*([A-Za-z_]\w*)\s*[=:]/g;

/**
 * Record on each class of the scan the attributes its code assigns through `self` (anywhere in
 * its body, nested functions included, nested classes' own excepted). The text is searched first
 * and only the matches are looked up in the tree: walking every expression of every method cost
 * more than the rest of the scan. Call before unreachable scopes are dropped (class bodies' ranges
 * come from their scopes).
 */
export function addSelfAttributes(root: Node, source: string, scan: FileScan): void {
  const loggers = source.includes('getLogger');
  for (const match of source.matchAll(SELF_ASSIGNMENT)) {
    const at = match.index;
    // the innermost class body holding the match owns the attribute
    let owner: FileScan['classes'][number] | undefined;
    let size = Infinity;
    for (const record of scan.classes) {
      const body = scan.scopes[record.bodyScope];
      if (body.start <= at && at < body.end && body.end - body.start < size) {
        owner = record;
        size = body.end - body.start;
      }
    }
    if (!owner) continue;
    // `self` is the object of an attribute that is the left side of an assignment: all three start here
    const self = root.descendantForIndex(at);
    const attribute = self?.type === 'identifier' && self.text === 'self' ? self.parent : null;
    if (attribute?.type !== 'attribute' || attribute.startIndex !== at) continue;
    const assignment = attribute.parent;
    if (assignment?.type !== 'assignment' || assignment.startIndex !== at) continue;
    // tuple targets (`self.a, self.b = …`) start with a pattern_list, not here: as before, not recorded
    const logger = loggers && isGetLogger(assignment.childForFieldName('right'));
    const list = logger ? (owner.selfLoggers ??= []) : (owner.selfAttributes ??= []);
    if (!list.includes(match[1])) list.push(match[1]);
  }
}
