from services.private.helpers import h
import services.private.db
