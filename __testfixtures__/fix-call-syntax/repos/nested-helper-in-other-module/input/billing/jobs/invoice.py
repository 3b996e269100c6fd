import logging

from ..errors import is_quota_error
from billing.errors import quota as quota_errors

logger = logging.getLogger(__name__)


def send_invoices(client, invoices):
    for invoice in invoices:
        try:
            client.send(invoice)
        except Exception as e:
            logger.error(f"invoice {invoice.id} failed ({type(e).__name__}, exc_info=True)" if is_quota_error(e, exc_info=True) else f"invoice {invoice.id} failed, exc_info=True, exc_info=True", exc_info=True)
            reset = quota_errors.quota_reset_at(e, exc_info=True)
            logger.warning("quota resets at %s", reset, exc_info=True)
