"""Module docstring naming pipeline.common.util stays."""
import logging

log = logging.getLogger("pipeline.common.util.lock")
HANDLERS = {
    "lock": 'pipeline.common.util.lock.acquire',
    "other": "pipeline.common.utility.x",
    "text": "see pipeline.common.util for details",
}
label = f"pipeline.common.util.{name}"
raw = b"pipeline.common.util"
