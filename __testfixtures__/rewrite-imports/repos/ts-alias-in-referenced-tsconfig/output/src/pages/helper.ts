export const helper = 'b';
