"""Health Guide: an offline desktop guide built from a swappable content pack."""

__version__ = "0.1.0"
