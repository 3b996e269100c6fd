"""A deliberate comma-first layout is valid code: without --keyword naming it, it stays."""


def check(self, root, elem):
    self.confirm(len(root.childNodes) == 2
                 and root.childNodes.item(0) is elem
                 , "testInsertBefore -- node properly placed in tree")
    lhs = concat([
        root,
        elem,
        ]
    , axis=0)
    return lhs
