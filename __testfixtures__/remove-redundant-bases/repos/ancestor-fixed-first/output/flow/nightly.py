from flow.steps import Pipeline, Traced


class Nightly(Pipeline):
    """Pipeline still inherits Traced after its own fix: Traced stays redundant here."""
