import { auth } from '@platform/utils/auth';
import { config } from '@shared/config';
import { auth as again } from 'src/platform/utils/auth';
import { auth as rel } from '../platform/utils/auth';
