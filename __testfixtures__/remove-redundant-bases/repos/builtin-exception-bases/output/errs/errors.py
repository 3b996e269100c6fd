class AppError(Exception):
    pass


class InvalidInput(AppError, ValueError):
    """Consistent: AppError and ValueError both end in Exception."""


class Wrapped(ValueError, Exception):
    """Exception is redundant but not ours: never removed."""


class Backwards(Exception, ValueError):
    """Python refuses this class; the fix (removing Exception) is not repomod's to make."""
