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
from graph.errors import KGError

#: The first paragraph of each command's help, shown by ``kg --help`` without importing the command
#: (``tests/kg/test_cli.py`` checks each against the command's own help).
SUMMARIES: dict[str, str] = {
    "add": "Copy documents (files or folders) into the corpus folder, then build the graph.",
    "ask": "Answer the named question NAME (see --list), with the evidence of every fact.",
    "build": "Build the graph from a corpus folder into the workspace (only new or changed files are read again).",
    "export": "Export the workspace graph (built first when there is none).",
    "neo4j": "Push the graph to Neo4j and check what is there.",
    "review": "Review the graph: accept or reject facts, export and import a review sheet.",
    "serve": ("Serve the graph as a read-only SPARQL endpoint (GET/POST /sparql, a query page at /; updates and "
              "SERVICE refused)."),
    "validate": "Validate the workspace graph with pySHACL (ontology.ttl as ontology graph).",
    "viz": "Write the graph as an interactive page (search, filters, focus, evidence panel).",
}


class LazyCommands(click.Group):
    """Finds subcommands in ``kg/commands/`` and imports a module only when its command runs, so
    ``kg build`` does not pay for the imports of ``kg serve`` or ``kg neo4j``, and ``kg --help``
    (from ``SUMMARIES``) imports none of them."""

    def _modules(self) -> dict[str, str]:
        found = (m.name for m in pkgutil.iter_modules(kg.commands.__path__) if not m.name.startswith("_"))
        return {name.replace("_", "-"): name for name in found}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self._modules()) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        module_name = self._modules().get(cmd_name)
        if module_name is None:
            return None
        command = getattr(importlib.import_module(f"kg.commands.{module_name}"), "command", None)
        return command if isinstance(command, click.Command) else None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands and their summaries, as click writes them, importing only commands without one."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(n) for n in names)
        rows = []
        for name in names:
            summary = SUMMARIES.get(name)
            if summary is None:
                cmd = self.get_command(ctx, name)
                if cmd is None or cmd.hidden:
                    continue
                rows.append((name, cmd.get_short_help_str(limit)))
            else:
                rows.append((name, click.Command(name, help=summary).get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyCommands, context_settings={"help_option_names": ["-h", "--help"]},
             invoke_without_command=True)
@click.version_option(package_name="cambodia-electoral-kg", prog_name="kg", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Knowledge graph of Cambodia's electoral integrity: build it, export it, ask it."""
    if ctx.invoked_subcommand is None:  # `kg` alone: the help, as `kg --help`
        click.echo(ctx.get_help())


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
