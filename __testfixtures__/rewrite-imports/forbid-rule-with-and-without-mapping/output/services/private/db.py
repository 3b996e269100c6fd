DB = 1
