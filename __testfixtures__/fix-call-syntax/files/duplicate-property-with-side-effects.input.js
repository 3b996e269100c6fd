const { log } = require('./log');

function report(name, e) {
  log.error(`report ${name} failed`, { id: nextId(), id: nextId(), cause: e.cause, cause: e.cause });
}

module.exports = { report };
