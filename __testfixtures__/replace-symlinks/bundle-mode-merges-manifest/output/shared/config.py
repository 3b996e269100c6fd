REGION = "us-central1"
