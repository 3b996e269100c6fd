// A TypeScript jscodeshift transform, loaded without a build step: marks `console.log` calls.
import type { API, FileInfo } from 'jscodeshift';

export const parser = 'tsx';

export default function transform(file: FileInfo, api: API): string | undefined {
  const j = api.jscodeshift;
  const root = j(file.source);
  const calls = root.find(j.CallExpression, { callee: { object: { name: 'console' }, property: { name: 'log' } } });
  if (calls.size() === 0) return undefined;
  calls.forEach((path) => {
    path.node.callee = j.memberExpression(j.identifier('console'), j.identifier('debug'));
  });
  return root.toSource({ quote: 'single' });
}
