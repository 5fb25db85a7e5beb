"""The ``kg`` command line. Each subcommand lives in ``kg/commands/<name>.py`` as ``command``.

Errors become one line on stderr and a non-zero exit: ``KGError`` subclasses carry their exit code,
anything unexpected exits 70 with its type and message (``KG_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys

import click

import kg.commands
from kg.errors import KGError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Knowledge graph of Cambodia's electoral integrity: build it, export it, ask it."""


def _register() -> None:
    for info in sorted(pkgutil.iter_modules(kg.commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"kg.commands.{info.name}")
        command = getattr(module, "command", None)
        if isinstance(command, click.Command):
            cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("kg: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        click.echo(f"kg: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except KGError as exc:
        click.echo(f"kg: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("kg: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the one place that turns surprises into a line
        if os.environ.get("KG_DEBUG"):
            raise
        click.echo(f"kg: internal error: {exc.__class__.__name__}: {exc} (KG_DEBUG=1 shows details)", err=True)
        sys.exit(70)


if __name__ == "__main__":
    main()
