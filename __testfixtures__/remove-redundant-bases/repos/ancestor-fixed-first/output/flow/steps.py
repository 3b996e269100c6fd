class Traced:
    pass


class Step(Traced):
    pass


class Pipeline(Step):
    """Broken today; fixed by removing Traced."""
