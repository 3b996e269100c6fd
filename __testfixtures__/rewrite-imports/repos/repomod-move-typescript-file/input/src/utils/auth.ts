import { session } from './session';
export const auth = session;
