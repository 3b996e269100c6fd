import { auth } from './utils/middlewares/auth';
import { authz } from './utils/authz';
export { auth } from "./utils/middlewares/auth.js";
