from shared.config import X
