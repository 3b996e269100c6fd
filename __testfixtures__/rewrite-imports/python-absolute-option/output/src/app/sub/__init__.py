from app import config
