// Help text for diagnostic codes, taken from each transform's message table, for reports that
// describe their rules (SARIF). Placeholders are shown as `<name>`.
import { registry } from './index.js';

export async function loadDiagnosticHelp(codes: readonly string[]): Promise<Map<string, string>> {
  const help = new Map<string, string>();
  const byTransform = new Map<string, string[]>();
  for (const code of codes) {
    const [transform] = code.split('/');
    if (code.includes('/')) byTransform.set(transform, [...(byTransform.get(transform) ?? []), code]);
  }
  for (const [transform, transformCodes] of byTransform) {
    const entry = registry.find((e) => e.meta.name === transform);
    if (!entry) continue;
    let table: Record<string, string> = {};
    try {
      const url = new URL(entry.modulePath.replace(/index\.js$/, 'messages.js'));
      table = ((await import(url.href)) as { messages?: Record<string, string> }).messages ?? {};
    } catch {
      continue; // a transform without a message table: reports fall back to a generic help line
    }
    for (const code of transformCodes) {
      const template = table[code] ?? table[code.slice(transform.length + 1)];
      if (template) help.set(code, `${template.replace(/\{(\w+)\}/g, '<$1>')}. See the ${transform} README for details.`);
    }
  }
  return help;
}
