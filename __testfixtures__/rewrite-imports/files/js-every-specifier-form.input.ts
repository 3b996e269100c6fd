// @acme/core is the old home
import core, { helper } from '@acme/core';
import type { Config } from "@acme/core/config";
import '@acme/core/polyfills';
import unrelated from '@acme/core-utils';
import fs = require('@acme/core/fs');
export { thing } from '@acme/core/thing';
export * from "@acme/core/all";
const lazy = () => import('@acme/core/lazy');
const cjs = require(`@acme/core/cjs`);
type T = import('@acme/core/types').T;
jest.mock('@acme/core/net', () => ({}));
const actual = jest.requireActual('@acme/core/net');
vi.mock("@acme/core");
declare module '@acme/core/augment' {}
const text = '@acme/core';
