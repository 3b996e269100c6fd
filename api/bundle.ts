// `repomod bundle`'s API entry: deploy packages built, checked and closed over their imports.
// The feature lives in features/bundle/; the CLI reaches it only through here, as it reaches the
// transforms through api/registry.ts.
export { buildBundle, checkBundle, closureJson, closureOf } from '../features/bundle/index.js';
