const utils = require('./utils');
module.exports = { utils };
