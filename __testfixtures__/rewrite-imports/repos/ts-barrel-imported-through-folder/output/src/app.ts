import { format } from './core';

export const app = format(' x ');
