"""Tsunagi (つなぎ): case management for welfare-office employment support."""

__version__ = "0.1.0"
