from shared.config import REGION

DSN = f"postgres://{REGION}"
