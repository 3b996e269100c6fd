import logging

log = logging.getLogger(__name__)


def report(sig, config_file, lines):
    log.error('subprocess exited with signal %d' % (sig,, exc_info=True))
    log.warning("Generating default config file: %r", (config_file, exc_info=True))
    log.error("\n".join(lines, exc_info=True))
