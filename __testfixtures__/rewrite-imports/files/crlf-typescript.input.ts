import { a } from '@acme/core';
const b = require("@acme/core/b");
