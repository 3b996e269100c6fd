from flow.steps import Pipeline, Traced


class Nightly(Pipeline, Traced):
    """Pipeline still inherits Traced after its own fix: Traced stays redundant here."""
