from shared.settings import X
