from app.config import NAME
from app import config
import os
