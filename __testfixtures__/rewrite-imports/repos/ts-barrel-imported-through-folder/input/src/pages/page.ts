import { format } from '../lib/';

export const page = format(' y ');
