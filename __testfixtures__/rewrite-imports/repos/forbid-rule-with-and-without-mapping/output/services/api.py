import services.private.db
