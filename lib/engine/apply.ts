// Apply mode's entry point: the write layer in lib/engine/write/ does the work.
export { applyChanges, WriteSession, recoverIfInterrupted, recoverNow, abandonStaging } from './write/transaction.js';
