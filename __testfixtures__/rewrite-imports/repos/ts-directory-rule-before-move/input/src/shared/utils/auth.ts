import { config } from '../../config';
import { other } from "../other.js";
export const auth = () => config;
