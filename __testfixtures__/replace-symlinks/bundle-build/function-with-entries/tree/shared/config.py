PROJECT = "sports-feeds"
