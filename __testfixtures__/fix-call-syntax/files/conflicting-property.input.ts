import { log } from './log';

export function report(name: string, e: unknown): void {
  log.error(`report ${name} failed`, { cause: e, cause: null });
}
