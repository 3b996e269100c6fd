import { auth } from '../platform/core/utils';
import { auth as a2 } from "../platform/core/utils/auth";
import * as esm from '../platform/core/utils/auth.js';
import { other } from '../shared/other';
const lazy = () => import('../platform/core/utils/index');
jest.mock('../platform/core/utils/auth');
