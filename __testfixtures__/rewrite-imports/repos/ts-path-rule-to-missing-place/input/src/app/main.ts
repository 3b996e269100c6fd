import { f } from '../core/format';
