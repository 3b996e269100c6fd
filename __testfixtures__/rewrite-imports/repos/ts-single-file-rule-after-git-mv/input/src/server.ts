import { auth } from './utils/auth';
import { authz } from './utils/authz';
export { auth } from "./utils/auth.js";
