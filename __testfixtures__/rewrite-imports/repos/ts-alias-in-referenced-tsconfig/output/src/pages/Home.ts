import { cn } from '@/lib/cn';
import { helper } from './helper';

export const Home = () => cn('a', helper);
