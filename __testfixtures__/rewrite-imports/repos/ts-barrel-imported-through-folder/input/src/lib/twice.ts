import { format } from '.';

export const twice = (s: string) => format(format(s));
