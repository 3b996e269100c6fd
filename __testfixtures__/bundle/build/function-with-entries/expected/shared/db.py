from shared.config import PROJECT
