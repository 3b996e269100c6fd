import { x } from '@acme/service-private/x';
