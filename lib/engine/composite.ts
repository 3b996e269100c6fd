// Several transforms run as one, for `repomod check`: each file is read once, each part sees
// the previous part's output, and Python trees parsed by one part are reused by the next.
import path from 'node:path';
import { sharePythonTrees } from '../python/parser.js';
import type { FileChange, TransformMeta, TransformModule } from './types.js';

export interface CompositePart {
  name: string;
  module: TransformModule;
  options: Record<string, unknown>;
}

export function composeTransforms(parts: CompositePart[]): TransformModule {
  const perFile = parts.filter((p) => p.module.default && (p.module.meta?.extensions.length ?? 1) > 0);
  const prefilters = perFile.map((p) => p.module.meta?.prefilter?.(p.options));
  const meta: TransformMeta = {
    name: parts.map((p) => p.name).join('+'),
    description: 'checks run together',
    extensions: [...new Set(perFile.flatMap((p) => p.module.meta?.extensions ?? []))],
    // a file is skipped only when every part would skip it
    prefilter: () =>
      prefilters.some((p) => p === undefined) ? undefined : [...new Set(prefilters.flat() as string[])],
    // one part that must stay in-process keeps every part there: the file is read and parsed once
    inProcess: perFile.some((p) => p.module.meta?.inProcess),
  };
  return {
    meta,
    default: async (file, api) =>
      sharePythonTrees(async () => {
        let source = file.source;
        let applicable = false;
        const ext = path.extname(file.path).slice(1).toLowerCase();
        for (const part of perFile) {
          const extensions = part.module.meta?.extensions;
          if (extensions && !extensions.includes(ext)) continue;
          const output = await part.module.default!({ path: file.path, source }, api, part.options);
          if (typeof output === 'string') {
            applicable = true;
            source = output;
          }
        }
        return applicable ? source : undefined;
      }),
    planRepository: async (repo, _options, report, context) => {
      const changes: FileChange[] = [];
      for (const part of parts) {
        if (part.module.planRepository)
          changes.push(...(await part.module.planRepository(repo, part.options, report, context)));
      }
      return changes;
    },
  };
}
