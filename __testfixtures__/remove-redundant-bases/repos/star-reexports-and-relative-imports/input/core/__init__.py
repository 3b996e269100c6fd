from .mixins import *
from .models import *
