import { auth } from '~/lib/utils/auth';
import { auth as a2 } from '~/lib/utils/auth';
import * as all from '~/lib/utils';
import { auth as a3 } from 'lib/utils/auth';
