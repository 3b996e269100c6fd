// The light half of the API: the built-in transforms and what describes them (names, options,
// diagnostic help) without loading a parser. The CLI builds its commands from it at start-up,
// so nothing here may import a transform's index.ts or the engine.
// demoSteps: scripts/demo.mjs imports it from dist/api/registry.js
export { demoSteps, findTransform, registry, type RegistryEntry } from '../transforms/index.js';
export { loadDiagnosticHelp } from './help.js';
export type { LinkListing } from '../transforms/replace-symlinks/report.js';
export type { TextReferenceSummary } from '../transforms/rewrite-imports/text-files.js';
