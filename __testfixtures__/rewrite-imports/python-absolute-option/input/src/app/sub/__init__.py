from .. import config
