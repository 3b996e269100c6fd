// Import name ➔ distribution name: the well-known cases where `pip install X` does not give
// `import X`, the standard library's module list, and the PEP 503 name normalisation.
import stdlib from './stdlib-modules.json' with { type: 'json' };

/**
 * Import names (dotted prefixes allowed) whose distribution is named differently. The longest
 * matching prefix wins: `google.cloud.bigquery` before `google`.
 */
export const IMPORT_TO_DISTRIBUTIONS: Readonly<Record<string, readonly string[]>> = {
  yaml: ['PyYAML', 'ruamel.yaml'],
  PIL: ['Pillow', 'PIL'],
  cv2: ['opencv-python', 'opencv-python-headless', 'opencv-contrib-python', 'opencv-contrib-python-headless'],
  sklearn: ['scikit-learn'],
  skimage: ['scikit-image'],
  bs4: ['beautifulsoup4'],
  dateutil: ['python-dateutil'],
  dotenv: ['python-dotenv'],
  jwt: ['PyJWT'],
  jose: ['python-jose'],
  attr: ['attrs'],
  magic: ['python-magic'],
  multipart: ['python-multipart'],
  serial: ['pyserial'],
  usb: ['pyusb'],
  Crypto: ['pycryptodome', 'pycrypto'],
  Cryptodome: ['pycryptodomex'],
  OpenSSL: ['pyOpenSSL'],
  nacl: ['PyNaCl'],
  MySQLdb: ['mysqlclient'],
  pymysql: ['PyMySQL'],
  psycopg2: ['psycopg2', 'psycopg2-binary'],
  psycopg: ['psycopg', 'psycopg-binary'],
  'google.protobuf': ['protobuf'],
  'google.auth': ['google-auth'],
  'google.oauth2': ['google-auth'],
  google_auth_oauthlib: ['google-auth-oauthlib'],
  'google.api_core': ['google-api-core'],
  'google.rpc': ['googleapis-common-protos'],
  'google.type': ['googleapis-common-protos'],
  'google.genai': ['google-genai'],
  'google.generativeai': ['google-generativeai'],
  // google-cloud-core ships these modules of the shared google.cloud namespace
  'google.cloud.exceptions': ['google-cloud-core'],
  'google.cloud.client': ['google-cloud-core'],
  'google.cloud.operation': ['google-cloud-core'],
  'google.cloud.environment_vars': ['google-cloud-core'],
  'google.cloud.obsolete': ['google-cloud-core'],
  'google.cloud.version': ['google-cloud-core'],
  'google.cloud._helpers': ['google-cloud-core'],
  'google.cloud._http': ['google-cloud-core'],
  'google.resumable_media': ['google-resumable-media'],
  google_crc32c: ['google-crc32c'],
  'google.cloud.pubsub': ['google-cloud-pubsub'],
  'google.cloud.pubsub_v1': ['google-cloud-pubsub'],
  'google.cloud.secretmanager': ['google-cloud-secret-manager'],
  'google.cloud.secretmanager_v1': ['google-cloud-secret-manager'],
  'google.cloud.bigquery_storage': ['google-cloud-bigquery-storage'],
  'google.cloud.bigquery_storage_v1': ['google-cloud-bigquery-storage'],
  'google.cloud.firestore_v1': ['google-cloud-firestore'],
  'google.cloud.storage_transfer': ['google-cloud-storage-transfer'],
  'google.cloud.tasks_v2': ['google-cloud-tasks'],
  'google.cloud.logging_v2': ['google-cloud-logging'],
  'google.cloud.error_reporting': ['google-cloud-error-reporting'],
  'google.cloud.sql.connector': ['cloud-sql-python-connector'],
  'google.cloud.aiplatform': ['google-cloud-aiplatform'],
  'google.cloud.run_v2': ['google-cloud-run'],
  'google.cloud.functions_v2': ['google-cloud-functions'],
  'google.cloud.scheduler_v1': ['google-cloud-scheduler'],
  'google.cloud.monitoring_v3': ['google-cloud-monitoring'],
  'google.cloud.datastore': ['google-cloud-datastore'],
  'google.cloud.ndb': ['google-cloud-ndb'],
  'google.cloud.spanner': ['google-cloud-spanner'],
  'google.cloud.spanner_v1': ['google-cloud-spanner'],
  'google.cloud.kms': ['google-cloud-kms'],
  'google.cloud.kms_v1': ['google-cloud-kms'],
  googleapiclient: ['google-api-python-client'],
  grpc: ['grpcio'],
  grpc_status: ['grpcio-status'],
  grpc_tools: ['grpcio-tools'],
  'azure.storage.blob': ['azure-storage-blob'],
  'azure.identity': ['azure-identity'],
  'azure.functions': ['azure-functions'],
  'azure.cosmos': ['azure-cosmos'],
  'azure.keyvault.secrets': ['azure-keyvault-secrets'],
  'azure.servicebus': ['azure-servicebus'],
  'azure.core': ['azure-core'],
  boto3: ['boto3'],
  botocore: ['botocore', 'boto3'],
  aws_lambda_powertools: ['aws-lambda-powertools'],
  kafka: ['kafka-python', 'kafka-python-ng'],
  confluent_kafka: ['confluent-kafka'],
  redis: ['redis'],
  memcache: ['python-memcached'],
  pymemcache: ['pymemcache'],
  pymongo: ['pymongo'],
  bson: ['pymongo'],
  gridfs: ['pymongo'],
  elasticsearch: ['elasticsearch'],
  snowflake: ['snowflake-connector-python'],
  'snowflake.connector': ['snowflake-connector-python'],
  'snowflake.snowpark': ['snowflake-snowpark-python'],
  sqlalchemy: ['SQLAlchemy'],
  flask_sqlalchemy: ['Flask-SQLAlchemy'],
  flask_cors: ['Flask-Cors'],
  flask_login: ['Flask-Login'],
  flask_migrate: ['Flask-Migrate'],
  flask_wtf: ['Flask-WTF'],
  rest_framework: ['djangorestframework'],
  corsheaders: ['django-cors-headers'],
  django_filters: ['django-filter'],
  environ: ['django-environ'],
  decouple: ['python-decouple'],
  slugify: ['python-slugify'],
  socketio: ['python-socketio'],
  engineio: ['python-engineio'],
  telegram: ['python-telegram-bot'],
  discord: ['discord.py'],
  docx: ['python-docx'],
  pptx: ['python-pptx'],
  fitz: ['PyMuPDF'],
  pdfminer: ['pdfminer.six'],
  Levenshtein: ['python-Levenshtein', 'Levenshtein'],
  levenshtein: ['python-Levenshtein'],
  Bio: ['biopython'],
  pkg_resources: ['setuptools'],
  setuptools: ['setuptools'],
  _cffi_backend: ['cffi'],
  win32api: ['pywin32'],
  win32con: ['pywin32'],
  pythoncom: ['pywin32'],
  zmq: ['pyzmq'],
  lxml: ['lxml'],
  ldap: ['python-ldap'],
  ldap3: ['ldap3'],
  tz: ['pytz'],
  gi: ['PyGObject'],
  wx: ['wxPython'],
  sentry_sdk: ['sentry-sdk'],
  opentelemetry: ['opentelemetry-api', 'opentelemetry-sdk'],
  'opentelemetry.sdk': ['opentelemetry-sdk'],
  'opentelemetry.exporter': ['opentelemetry-exporter-otlp', 'opentelemetry-exporter-gcp-trace'],
  prometheus_client: ['prometheus-client'],
  pydantic_settings: ['pydantic-settings'],
  typing_extensions: ['typing-extensions', 'typing_extensions'],
  functions_framework: ['functions-framework'],
  markdown: ['Markdown'],
  jinja2: ['Jinja2'],
  markupsafe: ['MarkupSafe'],
  websocket: ['websocket-client'],
  websockets: ['websockets'],
  dns: ['dnspython'],
  faker: ['Faker'],
  ruamel: ['ruamel.yaml'],
  'ruamel.yaml': ['ruamel.yaml'],
  toml: ['toml'],
  tomli: ['tomli'],
  tomlkit: ['tomlkit'],
  certifi: ['certifi'],
  chardet: ['chardet'],
  charset_normalizer: ['charset-normalizer'],
  idna: ['idna'],
  urllib3: ['urllib3'],
  six: ['six'],
  pytest: ['pytest'],
  _pytest: ['pytest'],
  more_itertools: ['more-itertools'],
  pyarrow: ['pyarrow'],
  tensorflow: ['tensorflow', 'tensorflow-cpu', 'tf-nightly'],
  torch: ['torch'],
  openai: ['openai'],
  anthropic: ['anthropic'],
  langchain_core: ['langchain-core'],
  langchain_community: ['langchain-community'],
  langchain_openai: ['langchain-openai'],
  tiktoken: ['tiktoken'],
  huggingface_hub: ['huggingface-hub'],
  stripe: ['stripe'],
  twilio: ['twilio'],
  sendgrid: ['sendgrid'],
  slack_sdk: ['slack-sdk'],
  slack_bolt: ['slack-bolt'],
  github: ['PyGithub'],
  gitlab: ['python-gitlab'],
  git: ['GitPython'],
  jenkins: ['python-jenkins'],
  docker: ['docker'],
  kubernetes: ['kubernetes'],
  paramiko: ['paramiko'],
  nmap: ['python-nmap'],
  geoip2: ['geoip2'],
  shapely: ['shapely'],
  osgeo: ['GDAL'],
  pyproj: ['pyproj'],
  xlrd: ['xlrd'],
  openpyxl: ['openpyxl'],
  xlsxwriter: ['XlsxWriter'],
  tabulate: ['tabulate'],
  termcolor: ['termcolor'],
  colorama: ['colorama'],
  click: ['click'],
  typer: ['typer'],
  rich: ['rich'],
  tqdm: ['tqdm'],
  httplib2: ['httplib2'],
  oauth2client: ['oauth2client'],
  oauthlib: ['oauthlib'],
  requests_oauthlib: ['requests-oauthlib'],
  requests_toolbelt: ['requests-toolbelt'],
  cachetools: ['cachetools'],
  dogpile: ['dogpile.cache'],
  zope: ['zope.interface', 'zope.event'],
  backports: ['backports.zoneinfo'],
  importlib_metadata: ['importlib-metadata'],
  importlib_resources: ['importlib-resources'],
  msgpack: ['msgpack'],
  ujson: ['ujson'],
  orjson: ['orjson'],
  simplejson: ['simplejson'],
  jsonschema: ['jsonschema'],
  marshmallow: ['marshmallow'],
  dacite: ['dacite'],
  cattrs: ['cattrs'],
  pendulum: ['pendulum'],
  arrow: ['arrow'],
  babel: ['Babel'],
  nltk: ['nltk'],
  spacy: ['spacy'],
  gensim: ['gensim'],
  statsmodels: ['statsmodels'],
  xgboost: ['xgboost'],
  lightgbm: ['lightgbm'],
  catboost: ['catboost'],
  plotly: ['plotly'],
  matplotlib: ['matplotlib'],
  mpl_toolkits: ['matplotlib'],
  seaborn: ['seaborn'],
  pandas_gbq: ['pandas-gbq'],
  db_dtypes: ['db-dtypes'],
  gcsfs: ['gcsfs'],
  s3fs: ['s3fs'],
  fsspec: ['fsspec'],
  smart_open: ['smart-open'],
  apache_beam: ['apache-beam'],
  airflow: ['apache-airflow'],
  pyspark: ['pyspark'],
  dask: ['dask'],
  polars: ['polars'],
  duckdb: ['duckdb'],
  tenacity: ['tenacity'],
  backoff: ['backoff'],
  ratelimit: ['ratelimit'],
  structlog: ['structlog'],
  loguru: ['loguru'],
  pythonjsonlogger: ['python-json-logger'],
  json_logging: ['json-logging'],
  uvicorn: ['uvicorn'],
  gunicorn: ['gunicorn'],
  starlette: ['starlette'],
  fastapi: ['fastapi'],
  aiohttp: ['aiohttp'],
  httpx: ['httpx'],
  feedparser: ['feedparser'],
  scrapy: ['Scrapy'],
  selenium: ['selenium'],
  playwright: ['playwright'],
};

const STDLIB = new Set<string>(stdlib.modules);
const REMOVED = stdlib.removedIn as Record<string, string>;

/** PEP 503: lowercase, runs of `-`, `_`, `.` become one `-`. */
export function normaliseDistribution(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** True for a standard-library module (by its top-level name), per the shipped CPython list. */
export function isStdlib(moduleName: string): boolean {
  return STDLIB.has(moduleName.split('.')[0]);
}

/** The Python version that removed this stdlib module, if it is one of those. */
export function removedFromStdlib(moduleName: string): string | undefined {
  return REMOVED[moduleName.split('.')[0]];
}

/**
 * Distributions (normalised) any one of which provides `moduleName`: the mapping's longest
 * prefix, the top-level name itself, and for namespace packages (`google.cloud.storage`,
 * `azure.storage.blob`) the dotted name joined with dashes.
 * @example candidateDistributions('yaml') // ['pyyaml', 'ruamel-yaml', 'yaml']
 */
export function candidateDistributions(moduleName: string): string[] {
  const parts = moduleName.split('.');
  const candidates = new Set<string>();
  for (let n = parts.length; n >= 1; n--) {
    const mapped = IMPORT_TO_DISTRIBUTIONS[parts.slice(0, n).join('.')];
    if (mapped) {
      for (const d of mapped) candidates.add(normaliseDistribution(d));
      break;
    }
  }
  candidates.add(normaliseDistribution(parts[0]));
  // namespace packages: every dotted prefix of two parts or more, joined with dashes
  for (let n = 2; n <= parts.length; n++) candidates.add(normaliseDistribution(parts.slice(0, n).join('-')));
  return [...candidates];
}

/** The distribution name to suggest for a missing third-party import. */
export function suggestedDistribution(moduleName: string): string {
  const parts = moduleName.split('.');
  for (let n = parts.length; n >= 1; n--) {
    const mapped = IMPORT_TO_DISTRIBUTIONS[parts.slice(0, n).join('.')];
    if (mapped) return mapped[0];
  }
  if (parts.length > 2 && (parts[0] === 'google' || parts[0] === 'azure'))
    return parts
      .slice(0, 3)
      .join('-')
      .replace(/_v\d+$/, '');
  return parts[0].replace(/_/g, '-');
}
