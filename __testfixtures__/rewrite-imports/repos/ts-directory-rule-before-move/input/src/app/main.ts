import { auth } from '../shared/utils';
import { auth as a2 } from "../shared/utils/auth";
import * as esm from '../shared/utils/auth.js';
import { other } from '../shared/other';
const lazy = () => import('../shared/utils/index');
jest.mock('../shared/utils/auth');
