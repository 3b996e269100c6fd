import logging

logger = logging.getLogger(__name__)


def load(table, rows):
    try:
        table.insert_rows(rows)
    except Exception as e:
        logger.error(
            "failed to load %d rows into %s: %s",
            len(rows),
            table.table_id,
            e,
            exc_info=True
        )
        raise
