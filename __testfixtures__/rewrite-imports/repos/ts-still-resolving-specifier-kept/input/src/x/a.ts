import { b } from '../x/b';
import { c } from './c';

export const a = b + c;
