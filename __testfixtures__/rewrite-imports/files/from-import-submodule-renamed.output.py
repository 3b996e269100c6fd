from orchestration import helpers as util
from orchestration import helpers as u
import orchestration.helpers

util.lock()
orchestration.helpers.lock()
