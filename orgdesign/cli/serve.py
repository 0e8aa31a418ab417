"""`orgdesign serve FILE`: the workshop page, a local web server answering what-ifs for the browser."""

from __future__ import annotations

from typing import Annotated

import typer

from orgdesign.cli.common import Lang, OrgFileArgument, Rules, boundary, print_error_lines

LOOPBACK = "127.0.0.1"


@boundary
def serve(
    file: OrgFileArgument,
    port: Annotated[
        int, typer.Option("--port", help="The port to listen on; 0 picks a free one.", min=0, max=65535)
    ] = 0,
    host: Annotated[
        str, typer.Option("--host", help="The address to bind; anything but 127.0.0.1 is reachable by others.")
    ] = LOOPBACK,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Do not open the page in a browser.")] = False,
    rules: Rules = None,
    lang: Lang = None,
) -> None:
    """Open the workshop page: edit the org in the browser and see the advice change live.

    Prints one line, the page's address with this run's token; Ctrl-C stops it.
    """
    import socket

    from orgdesign.errors import InputError
    from orgdesign.i18n import _
    from orgdesign.serve.security import new_token, own_hosts
    from orgdesign.serve.workshop import Workshop

    workshop = Workshop(file, tuple(rules or ()))  # a bad file stops here, before anything listens
    if host != LOOPBACK:
        print_error_lines(
            [_("warning: serving on {host}: anyone who can reach it and has the token can use it").format(host=host)],
            "yellow",
        )
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as error:
        raise InputError.single(
            "<command line>",
            _("cannot listen on {host}:{port}: {reason}").format(host=host, port=port, reason=error.strerror),
            field="--port",
        ) from None
    listener.listen(64)
    bound = listener.getsockname()[1]
    token = new_token()
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    url = f"http://{shown}:{bound}/?token={token}"
    typer.echo(url)
    if not no_browser:
        import webbrowser

        webbrowser.open(url)
    _run(workshop, token, own_hosts(host, bound), listener)


def _run(workshop, token: str, hosts: set[str], listener) -> None:
    """Serve until stopped: uvicorn logs only warnings; Ctrl-C exits 0, SIGTERM as the signal's own 143."""
    import asyncio

    import uvicorn

    from orgdesign.serve.app import create_app

    config = uvicorn.Config(create_app(workshop, token, hosts), log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    try:
        asyncio.run(server.serve(sockets=[listener]))
    except KeyboardInterrupt:
        pass
    finally:
        listener.close()
