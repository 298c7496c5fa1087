"""Broadsheet: a news publishing platform built on Django and Wagtail."""

__version__ = "0.1.0"
