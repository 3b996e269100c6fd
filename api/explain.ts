// `repomod explain`'s data, for the CLI (which reaches the transforms only through api): every
// diagnostic code's entry from the message tables, and the lookup of a code as typed.
export { loadExplanations, lookupCode } from './explanations.js';
export { suppressionText } from '../lib/engine/explanations.js';
