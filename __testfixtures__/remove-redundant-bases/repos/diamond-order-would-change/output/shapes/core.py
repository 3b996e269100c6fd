class Drawable:
    def draw(self):
        return "drawable"


class Shape(Drawable):
    pass


class Named:
    def draw(self):
        return "named"


class Square(Shape, Named, Drawable):
    """Drawable listed last puts Named before it: removing it would make Drawable win draw()."""
