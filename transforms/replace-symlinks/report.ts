// Diagnostics of replace-symlinks: one place turns a message code and values into a finding.
import { fillMessage, type Diagnostic, type MessageValues, type Severity } from '../../lib/engine/diagnostics.js';
import type { LinkInfo } from '../../lib/repo/symlinks.js';
import { messages, type MessageCode } from './messages.js';

export type Report = (diagnostic: Diagnostic) => void;

/** What --json and the summary show for each link (see the README's JSON section). */
export interface LinkListing {
  path: string;
  kind: LinkInfo['kind'];
  chain: boolean;
  target: string;
  resolved?: string;
  missing?: string;
  /** What this run does with the link. */
  action: 'copied' | 'bundled' | 'removed' | 'left' | 'listed';
}

/** Emit one diagnostic of this transform at `path:line:1`. */
export function emit<Code extends MessageCode>(
  report: Report,
  severity: Severity,
  code: Code,
  path: string,
  values: MessageValues<(typeof messages)[Code]>,
  line = 1,
): void {
  report({
    path,
    line,
    column: 1,
    severity,
    code: `replace-symlinks/${code}`,
    message: fillMessage(messages[code], values),
  });
}

/** ` (did you mean 'shared/espn_client'?)` when a sibling name looks like a typo of the missing one. */
export function suggestionText(suggestion: string | undefined): string {
  return suggestion ? ` (did you mean '${suggestion}'?)` : '';
}

/** ` via a → b` for chains: every link followed after the first. */
export function viaText(link: LinkInfo): string {
  return link.hops.length > 1 ? `, via ${link.hops.slice(1).join(' → ')}` : '';
}

/** `a → b → a` for a loop of links; `a → dir, which contains a` for a link to its own ancestor. */
export function cycleText(link: LinkInfo): string {
  const cycle = link.cycle ?? link.hops;
  if (link.containsItself) return `${cycle[0]} → ${cycle[1]}, a directory that contains the link itself`;
  return cycle.join(' → ');
}
