import logging

log = logging.getLogger(__name__)


def report(sig, config_file, lines):
    log.error('subprocess exited with signal %d' % (sig,))
    log.warning("Generating default config file: %r", (config_file))
    log.error("\n".join(lines))
