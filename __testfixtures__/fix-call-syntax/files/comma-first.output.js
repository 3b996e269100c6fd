const { log } = require('./log');

async function publish(name, send) {
  try {
    await send(name);
  } catch (e) {
    log.error(
      `publish ${name} failed`,
      { cause: e },
    );
    log.info(
      'publish finished',
      { name },
    );
  }
}

module.exports = { publish };
