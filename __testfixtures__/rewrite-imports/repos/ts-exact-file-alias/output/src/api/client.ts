import { apiUrl } from '@env';

export const get = (p: string) => fetch(apiUrl + p);
