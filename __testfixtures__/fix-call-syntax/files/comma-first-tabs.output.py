import logging

logger = logging.getLogger(__name__)


def report(name, error):
	if error:
		logger.error(
			f"{name} failed: {error}",
			exc_info=True
		)
	return name
