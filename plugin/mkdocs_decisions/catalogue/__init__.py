"""The catalogue of rules, and the findings that name them.

Takes in nothing: it is the vocabulary every stage reports problems in (``Finding``,
``Position``, ``Severity``) and the table of every rule's id, default severity and
documentation. It never imports another module of ours; every stage may import it.
"""
