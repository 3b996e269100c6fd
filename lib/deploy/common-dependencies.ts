// What a declared requirement installs along with it, for when no Python environment can be asked:
// a small table of dependencies the distributions themselves declare (Requires-Dist), so an import
// of `google.api_core` under a declared google-cloud-storage is a warning, not an error.
import { normaliseDistribution } from './distributions.js';

/** Distribution ➔ distributions its own metadata requires (unconditionally, in current releases). */
export const COMMON_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = {
  'google-api-core': ['google-auth', 'googleapis-common-protos', 'protobuf', 'requests'],
  'google-auth': ['cachetools', 'pyasn1-modules', 'rsa'],
  'google-cloud-core': ['google-api-core', 'google-auth'],
  'google-cloud-storage': ['google-cloud-core', 'google-resumable-media', 'google-crc32c', 'requests'],
  'google-cloud-bigquery': ['google-cloud-core', 'google-resumable-media', 'packaging', 'python-dateutil', 'requests'],
  'google-cloud-datastore': ['google-cloud-core'],
  'google-cloud-firestore': ['google-cloud-core'],
  'google-cloud-logging': ['google-cloud-core'],
  'google-cloud-spanner': ['google-cloud-core'],
  'google-cloud-bigtable': ['google-cloud-core'],
  'functions-framework': ['flask', 'click', 'cloudevents', 'watchdog'],
  flask: ['werkzeug', 'jinja2', 'itsdangerous', 'click', 'blinker'],
  jinja2: ['markupsafe'],
  werkzeug: ['markupsafe'],
  requests: ['urllib3', 'idna', 'certifi', 'charset-normalizer'],
  boto3: ['botocore', 'jmespath', 's3transfer'],
  botocore: ['jmespath', 'python-dateutil', 'urllib3'],
  'python-dateutil': ['six'],
  pandas: ['numpy', 'python-dateutil', 'pytz', 'tzdata'],
};

/** Every google-cloud-* client library is built on google-api-core (and so google-auth). */
const PREFIX_DEPENDENCIES: readonly (readonly [string, readonly string[]])[] = [['google-cloud-', ['google-api-core']]];

const dependenciesOf = (name: string): readonly string[] => [
  ...(COMMON_DEPENDENCIES[name] ?? []),
  ...PREFIX_DEPENDENCIES.filter(([prefix]) => name.startsWith(prefix)).flatMap(([, deps]) => deps),
];

/**
 * Distributions (normalised) the declared ones commonly install, each with the declared one that
 * pulls it in (the first in sorted order).
 * @example commonlyInstalled(new Set(['functions-framework'])).get('werkzeug') // 'functions-framework'
 */
export function commonlyInstalled(declared: ReadonlySet<string>): Map<string, string> {
  const via = new Map<string, string>();
  for (const root of [...declared].sort()) {
    const queue = [...dependenciesOf(root)];
    while (queue.length > 0) {
      const name = normaliseDistribution(queue.shift()!);
      if (via.has(name) || declared.has(name)) continue;
      via.set(name, root);
      queue.push(...dependenciesOf(name));
    }
  }
  return via;
}
