const { log } = require('./log');

function report(name, e) {
  log.error(`report ${name} failed`, { cause: e, 'cause': null });
}

module.exports = { report };
