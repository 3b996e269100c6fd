// Help text for diagnostic codes, for reports that describe their rules (SARIF): each code's
// `repomod explain` entry, read from the message tables (transforms, bundle, engine).
import { loadExplanations } from './explanations.js';

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/** Code ➔ help (what it means, why it matters, what to do) for the codes asked about that have an entry. */
export async function loadDiagnosticHelp(codes: readonly string[]): Promise<Map<string, string>> {
  const explanations = await loadExplanations();
  const help = new Map<string, string>();
  for (const code of new Set(codes)) {
    const e = explanations.get(code);
    if (e) help.set(code, `${sentence(e.summary)} ${sentence(e.why)} ${sentence(e.fix)} More: repomod explain ${code}`);
  }
  return help;
}
