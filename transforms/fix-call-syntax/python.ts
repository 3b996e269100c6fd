// The Python side of fix-call-syntax: run the repairs as successive passes (each on a fresh
// parse of the previous pass's text), then check the result; a file that still does not
// compile is reported and returned unchanged.
import type { Node, Parser } from 'web-tree-sitter';
import { CalleeResolver } from './callees.js';
import { fillMessage } from '../../lib/engine/diagnostics.js';
import { positionAt } from '../../lib/text/positions.js';
import { EditSet, type TextEdit } from '../../lib/text/edit-set.js';
import { parsePython, pythonParser } from '../../lib/python/parser.js';
import { pythonFacts } from '../../lib/python/file-facts.js';
import { PythonSignatureIndex } from './signatures.js';
import { pythonSyntaxProblems, type PythonSyntaxProblem } from '../../lib/python/syntax-check.js';
import type { TransformContext } from '../../lib/engine/context.js';
import { ConfigError } from '../../lib/engine/errors.js';
import { EditTrail } from './edit-trail.js';
import { conflictingRepeat, messages, PARSE_ERROR, snippetAt } from './messages.js';
import type { FixCallSyntaxOptions } from './options.js';
import {
  removeInjectedKeywords,
  removeInjectedParameters,
  removeStringFragments,
  type KeywordPattern,
} from './python-injected.js';
import { expressionTokens } from './python-lists.js';
import {
  repairBrokenLists,
  removeRepeatedKeywords,
  repairCommaFirstCalls,
  type PassFinding,
} from './python-repairs.js';

type Pass = (root: Node, text: string, findings: PassFinding[]) => TextEdit[];

/** Fix one Python file; returns the new text, or `source` itself when nothing changes or it cannot be made to parse. */
export async function fixPythonCalls(
  source: string,
  options: FixCallSyntaxOptions,
  ctx: TransformContext,
): Promise<string> {
  const parser = await pythonParser();
  const keywords = options.keyword.map((k) => withTokens(parser, k));
  const names = keywords.length ? new Set(keywords.map((k) => k.name)) : undefined;
  const trail = new EditTrail();
  const findings: PassFinding[] = [];
  // the common case, a file that parses and has nothing to repair: its facts (one parse, or
  // none when the fact cache knows this text) say so
  const facts = await pythonFacts(ctx.repo, ctx.relPath, source);
  const broken = facts.hasError;
  const repeated = !broken && facts.problems.some((p) => p.message.startsWith('keyword argument repeated'));
  const named = keywords.filter((k) => source.includes(k.name));
  // without --keyword, only files that do not compile are changed
  if (!broken && !repeated && !named.length) return reportProblems(facts.problems, source, trail, ctx);

  let text = source;
  const commaFirst = /\n[ \t]*,/.test(text);
  let tree = parse(parser, text);
  try {
    const run = (pass: Pass) => {
      const passFindings: PassFinding[] = [];
      const edits = pass(tree.rootNode, text, passFindings);
      for (const f of passFindings) findings.push({ ...f, index: trail.original(f.index) });
      const set = new EditSet(text);
      // an edit inside a range another edit removes (a repeat nested in a removed argument) waits for a later pass
      const kept = edits.filter(
        (e) =>
          !(
            set.overlaps(e.start, e.end) ||
            edits.some((o) => o !== e && o.start <= e.start && e.end <= o.end && o.end - o.start > e.end - e.start)
          ),
      );
      if (!kept.length) return;
      for (const e of kept) set.replace(e.start, e.end, e.text);
      text = set.apply();
      trail.record(kept);
      tree.delete();
      tree = parse(parser, text);
    };

    const fragments = keywords.filter((k) => k.value !== undefined).map((k) => `, ${k.name}=${k.value}`);
    if (broken) {
      // commas first: a fragment that only looked misplaced may belong to a list they repair
      run((_root, current) => repairBrokenLists(parser, current, names, []));
      if (fragments.length) run((_root, current) => repairBrokenLists(parser, current, names, fragments));
    }
    if (named.length) {
      run((root, current, out) => removeInjectedParameters(root, current, named, out));
      run((root, _current, out) => removeStringFragments(root, named, out));
      run((root, current, out) => {
        const index = PythonSignatureIndex.for(ctx.repo, parser);
        const resolver = new CalleeResolver(index, index.scanCurrent(root, current, ctx.relPath));
        return removeInjectedKeywords(root, current, named, resolver, out);
      });
    }
    // twice: repeats nested inside a removed repeat come back into view after the first pass
    run((root, current, out) => removeRepeatedKeywords(root, current, options.keep, out));
    run((root, current, out) => removeRepeatedKeywords(root, current, options.keep, out));
    if (commaFirst && named.length)
      run((root, current) => repairCommaFirstCalls(root, current, new Set(named.map((k) => k.name))));

    const problems = pythonSyntaxProblems(tree.rootNode, text);
    if (problems.length) return reportProblems(problems, source, trail, ctx);
  } finally {
    tree.delete();
  }
  for (const f of findings) ctx.report(f);
  return text;
}

/** Report what still does not compile, at its place in the original file; the file stays as it was. */
function reportProblems(
  problems: PythonSyntaxProblem[],
  source: string,
  trail: EditTrail,
  ctx: TransformContext,
): string {
  for (const p of problems) {
    const index = trail.original(p.index);
    let what = p.message;
    if (p.relatedIndex !== undefined && what.startsWith('keyword argument repeated: ')) {
      const first = positionAt(source, trail.original(p.relatedIndex));
      what = conflictingRepeat(what.slice('keyword argument repeated: '.length), `${first.line}:${first.column}`);
    }
    ctx.report({
      severity: 'error',
      code: PARSE_ERROR,
      index,
      message: fillMessage(messages[PARSE_ERROR], { what, snippet: snippetAt(source, index) }),
    });
  }
  return source;
}

function parse(parser: Parser, text: string) {
  const tree = parsePython(parser, text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

function withTokens(parser: Parser, k: { name: string; value?: string }): KeywordPattern {
  if (k.value === undefined) return k;
  const tree = parser.parse(`${k.value}\n`);
  try {
    const valueTokens = tree ? expressionTokens(tree.rootNode) : undefined;
    if (!valueTokens)
      throw new ConfigError(
        `--keyword ${k.name}=${k.value}: the value is not a Python expression`,
        'give the value as it appears in the source, e.g. --keyword exc_info=True',
      );
    return { ...k, valueTokens };
  } finally {
    tree?.delete();
  }
}
