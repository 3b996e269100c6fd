"""Settings shared by every function."""
PROJECT = "sports-feeds"
