import { config } from '../../../config';
import { other } from "../../../shared/other.js";
export const auth = () => config;
