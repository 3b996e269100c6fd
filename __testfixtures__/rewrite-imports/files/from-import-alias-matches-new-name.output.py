from orchestration import helpers
