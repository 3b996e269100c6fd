import { a } from '@acme/platform/core';
const b = require("@acme/platform/core/b");
