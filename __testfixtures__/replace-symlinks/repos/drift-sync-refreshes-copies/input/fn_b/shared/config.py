REGION = "us-central1"
TIMEOUT = 30
