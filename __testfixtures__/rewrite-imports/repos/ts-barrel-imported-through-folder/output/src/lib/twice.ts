import { format } from '../core';

export const twice = (s: string) => format(format(s));
