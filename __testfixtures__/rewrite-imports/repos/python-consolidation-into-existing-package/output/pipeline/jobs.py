from common.util.lock import Y
