from pipeline.common import util as helpers
