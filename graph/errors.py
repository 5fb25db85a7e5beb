"""One exception root for the project, with "skip this item" kept apart from "abort the run".

The CLI turns any ``KGError`` into one line on stderr and a non-zero exit; nothing else reaches users
as a traceback.
"""

from __future__ import annotations


class KGError(Exception):
    """Root of every error the project raises on purpose."""

    exit_code = 1


class SkipItem(KGError):
    """One item (a document, a row) cannot be used; the run goes on without it."""


class AbortRun(KGError):
    """The run cannot go on (bad arguments, unreachable server, broken workspace)."""

    exit_code = 2


class UsageError(AbortRun):
    """The user asked for something that does not exist (unknown question, parameter, format)."""


class BackendUnavailable(AbortRun):
    """A server the command needs is unreachable or refuses the credentials."""

    exit_code = 3
