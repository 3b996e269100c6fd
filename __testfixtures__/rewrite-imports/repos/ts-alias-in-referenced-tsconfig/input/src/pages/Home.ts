import { cn } from '@/utils/cn';
import { helper } from './helper';

export const Home = () => cn('a', helper);
