"""Reading scenario packs: safe YAML with positions, models, cross-file checks, located problems."""

from .documents import Document, read_document
from .pack import Pack, load_pack
from .problems import Problem, ValidationFailed

__all__ = ["Document", "Pack", "Problem", "ValidationFailed", "load_pack", "read_document"]
