"""Settings shared by every function."""
PROJECT = "sports-feeds"
REGION = "us-central1"
