from shared.helpers import h
import services.private.db
