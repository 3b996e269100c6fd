PROJECT = "demo"
