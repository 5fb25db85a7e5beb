"""Subcommands of ``kg``: one module each, exposing ``command``."""
