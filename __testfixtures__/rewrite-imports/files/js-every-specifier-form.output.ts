// @acme/core is the old home
import core, { helper } from '@acme/platform/core';
import type { Config } from "@acme/platform/core/config";
import '@acme/platform/core/polyfills';
import unrelated from '@acme/core-utils';
import fs = require('@acme/platform/core/fs');
export { thing } from '@acme/platform/core/thing';
export * from "@acme/platform/core/all";
const lazy = () => import('@acme/platform/core/lazy');
const cjs = require(`@acme/platform/core/cjs`);
type T = import('@acme/platform/core/types').T;
jest.mock('@acme/platform/core/net', () => ({}));
const actual = jest.requireActual('@acme/platform/core/net');
vi.mock("@acme/platform/core");
declare module '@acme/platform/core/augment' {}
const text = '@acme/core';
