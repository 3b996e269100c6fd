def query(sql):
    return sql
