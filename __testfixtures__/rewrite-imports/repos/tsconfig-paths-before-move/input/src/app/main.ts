import { auth } from '@utils/auth';
import { auth as a2 } from '~/shared/utils/auth';
import * as all from '~/shared/utils';
import { auth as a3 } from 'shared/utils/auth';
