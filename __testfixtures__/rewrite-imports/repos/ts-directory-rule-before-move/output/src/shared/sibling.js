const utils = require('../platform/core/utils');
module.exports = { utils };
