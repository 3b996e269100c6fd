import { format } from '../core/';

export const page = format(' y ');
