"""Statement checking: what a public statement covers and what it breaks, and the words why.

Pure and fast (no Textual, no I/O, nothing downloaded): `Checker(playbook).check(text)`.
"""

from .checker import Checker
from .verdict import Hit, Result, Verdict

__all__ = ["Checker", "Hit", "Result", "Verdict"]
