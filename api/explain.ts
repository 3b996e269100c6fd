// `repomod explain`'s data, for the CLI (which reaches the transforms only through api): every
// diagnostic code's entry from the message tables, and the lookup of a code as typed.
export { loadExplanations, loadMessageTables, lookupCode, type CodeLookup, type MessageTable } from './explanations.js';
export { suppressionText, type Explanation } from '../lib/engine/explanations.js';
