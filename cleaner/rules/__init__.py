"""The named rules: one module per kind of debris, each rule a small function with a
stable id and a reason. The order they run in is :data:`cleaner.steps.PIPELINE`."""

from __future__ import annotations

from .base import Doc, Hit, Rule

__all__ = ["Doc", "Hit", "Rule"]
