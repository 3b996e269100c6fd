// Seeded randomness and vocabulary for the synthetic repository: the same seed gives the same
// sequence on every machine and Node version (no Math.random, no locale-dependent calls).

/** A small, fast 32-bit PRNG (mulberry32) with the helpers the code generators need. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = {
    next,
    /** Integer in [0, n). */
    int: (n) => Math.floor(next() * n),
    /** Integer in [lo, hi]. */
    range: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    /** `count` distinct items (fewer if the list is shorter), in list order. */
    sample: (items, count) => {
      const chosen = new Set();
      const want = Math.min(count, items.length);
      while (chosen.size < want) chosen.add(Math.floor(next() * items.length));
      return [...chosen].sort((a, b) => a - b).map((i) => items[i]);
    },
    /** Standard normal deviate (Box-Muller). */
    normal: () => {
      const u = Math.max(next(), 1e-12);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    /** Log-normal size with the given mean, clamped, so a few files are large as in real repositories. */
    size: (mean, sigma, min, max) => {
      const value = mean * Math.exp(sigma * random.normal() - (sigma * sigma) / 2);
      return Math.round(Math.min(max, Math.max(min, value)));
    },
  };
  return random;
}

/** A stable 32-bit hash (FNV-1a) to derive per-file seeds from the run seed and a path. */
export function hashSeed(seed, text) {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** One value of `[value, weight]` pairs, drawn by weight. */
export function weightedPick(random, weighted) {
  let roll = random.next() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weighted) if ((roll -= weight) < 0) return value;
  return weighted[0][0];
}

export const NOUNS = [
  'account',
  'invoice',
  'order',
  'payment',
  'customer',
  'report',
  'schedule',
  'job',
  'task',
  'batch',
  'record',
  'event',
  'message',
  'queue',
  'worker',
  'session',
  'token',
  'user',
  'profile',
  'setting',
  'ledger',
  'entry',
  'balance',
  'transfer',
  'refund',
  'subscription',
  'plan',
  'quota',
  'metric',
  'sample',
  'snapshot',
  'receipt',
  'manifest',
  'upload',
  'document',
  'template',
  'channel',
  'notification',
  'alert',
  'rule',
  'policy',
  'permission',
  'role',
  'tenant',
  'region',
  'cluster',
  'node',
  'shard',
  'partition',
  'segment',
  'cache',
  'index',
  'query',
  'filter',
  'cursor',
  'page',
  'window',
  'bucket',
  'blob',
  'artifact',
  'pipeline',
  'stage',
  'step',
  'run',
  'attempt',
  'retry',
  'deadline',
  'timeout',
  'horizon',
  'interval',
];

export const VERBS = [
  'load',
  'save',
  'fetch',
  'build',
  'parse',
  'render',
  'validate',
  'normalize',
  'compute',
  'resolve',
  'apply',
  'merge',
  'split',
  'collect',
  'publish',
  'dispatch',
  'handle',
  'process',
  'sync',
  'refresh',
  'update',
  'create',
  'delete',
  'archive',
  'restore',
  'schedule',
  'cancel',
  'retry',
  'notify',
  'export',
  'import',
  'encode',
  'decode',
  'serialize',
  'format',
  'convert',
  'check',
  'ensure',
  'register',
  'reconcile',
];

export const ADJECTIVES = [
  'pending',
  'active',
  'stale',
  'current',
  'default',
  'remote',
  'local',
  'cached',
  'raw',
  'parsed',
  'total',
  'partial',
  'failed',
  'next',
  'previous',
  'primary',
  'secondary',
  'daily',
  'monthly',
  'batch',
];

export const AREAS = [
  'api',
  'handlers',
  'models',
  'services',
  'storage',
  'jobs',
  'adapters',
  'domain',
  'views',
  'schemas',
  'clients',
  'tasks',
  'events',
  'reports',
  'billing',
  'auth',
  'metrics',
  'sync',
  'exports',
  'admin',
];

export const SERVICES = [
  'billing',
  'ledger',
  'accounts',
  'scheduler',
  'reporting',
  'notifications',
  'ingest',
  'search',
  'identity',
  'payments',
  'exports',
  'catalog',
  'inventory',
  'pricing',
  'analytics',
  'gateway',
  'audit',
  'onboarding',
  'risk',
  'support',
];

export const SENTENCES = [
  'Retries are bounded so a stuck upstream cannot hold the worker forever',
  'The caller owns the returned object and may mutate it freely',
  'Values are normalised before comparison because the upstream API is inconsistent',
  'This runs inside the request path, so keep it cheap',
  'Kept for backwards compatibility with the v1 payload format',
  'Ordering matters here: the ledger must be written before the event is published',
  'An empty result is not an error; the job simply has nothing to do',
  'Timestamps are always UTC; conversion happens at the edges',
  'The lock is held only around the write, never around network calls',
  'Missing keys fall back to the tenant defaults',
];

const capitalize = (word) => word[0].toUpperCase() + word.slice(1);
export const pascal = (...words) => words.map(capitalize).join('');
export const camel = (first, ...rest) => first + pascal(...rest);
export const snake = (...words) => words.join('_');
