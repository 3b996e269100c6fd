/// <reference path="../../components/globals.d.ts" />
import logo from "../../assets/logo.svg?url";
import icon from "../../assets/logo.svg#icon";
import { theme } from "../../components/theme?inline";

export const width: Px = 3;
export const header = [logo, icon, theme];
