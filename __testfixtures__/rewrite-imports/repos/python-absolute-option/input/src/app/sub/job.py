from ..config import NAME
from .. import config
import os
