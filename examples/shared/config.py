"""Settings shared by every function."""
PROJECT = "acme-analytics"
REGION = "europe-west1"
