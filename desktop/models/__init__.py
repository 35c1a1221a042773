"""Typed ORM mappings, engine and session set-up, and migrations for Tsunagi's database."""

from desktop.models.entities import *  # noqa: F403
