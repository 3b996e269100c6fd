// `self.<name> = …` in a class's methods: an instance attribute that may shadow a method (or hold
// a logger), which a call through `self.<name>(…)` must know about. Part of the class scan.
import type { Node } from 'web-tree-sitter';
import type { ClassRecord } from './class-scan.js';
import { isGetLogger } from './signature.js';

/** Candidates: `self.x =`, `self.x: T =`, `self.x ==` (the tree tells an assignment from the rest). */
const SELF_ASSIGNMENT = /\bself\s*\.\s*[A-Za-z_]\w*\s*[=:]/g;

/**
 * Record on each class the attributes its code assigns through `self` (anywhere in its body,
 * nested functions included, nested classes' own excepted). The text is searched first and only
 * the matches are looked up in the tree: walking every expression of every method cost more than
 * the rest of the scan.
 */
export function addSelfAttributes(root: Node, source: string, classes: ClassRecord[]): void {
  const byStart = new Map(classes.map((record) => [record.start, record]));
  for (const match of source.matchAll(SELF_ASSIGNMENT)) {
    const self = root.descendantForIndex(match.index);
    const attribute = self?.type === 'identifier' ? self.parent : null;
    if (attribute?.type !== 'attribute' || attribute.childForFieldName('object')?.startIndex !== self!.startIndex)
      continue;
    const assignment = attribute.parent;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.startIndex !== attribute.startIndex)
      continue;
    let owner = assignment.parent;
    while (owner && owner.type !== 'class_definition') owner = owner.parent;
    const record = owner ? byStart.get(owner.startIndex) : undefined;
    const name = attribute.childForFieldName('attribute')?.text;
    if (!record || !name) continue;
    const list = isGetLogger(assignment.childForFieldName('right'))
      ? (record.selfLoggers ??= [])
      : (record.selfAttributes ??= []);
    if (!list.includes(name)) list.push(name);
  }
}
