class Traced:
    pass


class Step(Traced):
    pass


class Pipeline(Traced, Step):
    """Broken today; fixed by removing Traced."""
