import { log } from './log';

export async function publish(name: string, send: (n: string) => Promise<void>): Promise<void> {
  try {
    await send(name);
  } catch (e) {
    log.error(`publish ${name} failed`, { cause: e, cause: e });
    log.warn('retrying', { attempt: 1, name, name, cause: e });
    throw e;
  }
}
