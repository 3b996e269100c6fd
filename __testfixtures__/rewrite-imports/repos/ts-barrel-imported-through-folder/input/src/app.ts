import { format } from './lib';

export const app = format(' x ');
