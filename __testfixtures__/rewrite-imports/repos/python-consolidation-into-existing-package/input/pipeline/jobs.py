from pipeline.common.util.lock import Y
