import { auth } from '@shared/utils/auth';
import { config } from '@shared/config';
import { auth as again } from 'src/shared/utils/auth';
import { auth as rel } from '../shared/utils/auth';
