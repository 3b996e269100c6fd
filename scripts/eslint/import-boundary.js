// ESLint rule repomod/import-boundary: every relative import (static, dynamic, `export … from`,
// `import x = require()`, `import('…')` types) must respect the layers in ./layers.js.
import path from 'node:path';
import { crossing, resolveRelative } from './layers.js';

/** @type {import('eslint').Rule.RuleModule} */
export const importBoundary = {
  meta: {
    type: 'problem',
    docs: {
      description: 'imports point one way: cli → api → features | transforms → lib; no transform imports another',
    },
    schema: [
      { type: 'object', properties: { root: { type: 'string' } }, required: ['root'], additionalProperties: false },
    ],
    messages: { crossing: '{{from}} imports {{to}}: {{why}}' },
  },
  create(context) {
    const root = context.options[0].root;
    const file = context.filename;
    const from = path.relative(root, file).split(path.sep).join('/');
    if (from.startsWith('..')) return {};

    /** Checks one specifier node (a string literal); anything computed is not an import we can follow. */
    function check(node) {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string' || !node.value.startsWith('.')) return;
      const to = resolveRelative(root, file, node.value);
      const why = crossing(from, to);
      if (why) context.report({ node, messageId: 'crossing', data: { from, to, why } });
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSExternalModuleReference: (node) => check(node.expression),
      TSImportType: (node) => check(node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};

/** The local plugin eslint.config.js registers as `repomod`. */
export default { meta: { name: 'repomod' }, rules: { 'import-boundary': importBoundary } };
