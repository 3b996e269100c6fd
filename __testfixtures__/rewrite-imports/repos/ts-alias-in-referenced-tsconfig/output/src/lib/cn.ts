export const cn = (...c: string[]) => c.join(' ');
