"""Taking away a process's ability to open internet sockets (Linux seccomp), for the query workers.

``forbid_network()`` installs a seccomp filter on the calling process (all its threads, and every
process it starts): ``socket()`` for IPv4, IPv6 and raw packets fails with ``EACCES``, and so does
``io_uring_setup`` (another way to open sockets). Unix sockets and pipes keep working, so a worker
still talks to its parent. The filter cannot be lifted, by the process or by anything it runs.

It is the engine-level half of "the endpoint makes no outbound requests": Oxigraph evaluates
``SERVICE`` by itself with its own HTTP client, and a query worker that cannot open a socket cannot
send a request, whatever the query says. Works on x86-64 and arm64 Linux; elsewhere it returns
``False`` and the caller says so.
"""

from __future__ import annotations

import ctypes
import platform
import struct
import sys

# <linux/seccomp.h>, <linux/filter.h>, <linux/audit.h>, <linux/prctl.h>
_PR_SET_NO_NEW_PRIVS = 38
_SECCOMP_SET_MODE_FILTER = 1
_SECCOMP_FILTER_FLAG_TSYNC = 1
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_EACCES = 13
_LD_W_ABS, _JEQ_K, _JGE_K, _RET_K = 0x20, 0x15, 0x35, 0x06
_AF_INET, _AF_INET6, _AF_PACKET = 2, 10, 17
_X32_BIT = 0x40000000

#: machine -> (audit arch, socket, io_uring_setup, seccomp) syscall numbers
_ARCHES = {
    "x86_64": (0xC000003E, 41, 425, 317),
    "aarch64": (0xC00000B7, 198, 425, 277),
}


def _program(arch: int, nr_socket: int, nr_uring: int, check_x32: bool) -> bytes:
    """The BPF filter: deny a foreign ABI, ``io_uring_setup`` and internet ``socket()``; allow the rest."""
    deny, allow = _RET_ERRNO | _EACCES, _RET_ALLOW
    ops: list[tuple[int, int, int, int]] = [
        (_LD_W_ABS, 0, 0, 4),                  # A = seccomp_data.arch
        (_JEQ_K, 1, 0, arch),                  # our ABI: skip the deny
        (_RET_K, 0, 0, deny),
        (_LD_W_ABS, 0, 0, 0),                  # A = seccomp_data.nr
    ]
    if check_x32:
        ops += [(_JGE_K, 0, 1, _X32_BIT), (_RET_K, 0, 0, deny)]
    ops += [
        (_JEQ_K, 0, 1, nr_uring),
        (_RET_K, 0, 0, deny),
        (_JEQ_K, 1, 0, nr_socket),             # socket(): look at the family
        (_RET_K, 0, 0, allow),
        (_LD_W_ABS, 0, 0, 16),                 # A = low word of args[0] (the address family)
        (_JEQ_K, 3, 0, _AF_INET),
        (_JEQ_K, 2, 0, _AF_INET6),
        (_JEQ_K, 1, 0, _AF_PACKET),
        (_RET_K, 0, 0, allow),
        (_RET_K, 0, 0, deny),
    ]
    return b"".join(struct.pack("=HBBI", *op) for op in ops)


def forbid_network() -> bool:
    """Forbid this process from opening internet sockets from now on; ``True`` when the filter is in force."""
    arch = _ARCHES.get(platform.machine())
    if not sys.platform.startswith("linux") or arch is None:
        return False
    audit_arch, nr_socket, nr_uring, nr_seccomp = arch
    code = _program(audit_arch, nr_socket, nr_uring, check_x32=platform.machine() == "x86_64")
    libc = ctypes.CDLL(None, use_errno=True)
    buffer = ctypes.create_string_buffer(code, len(code))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    prog = SockFprog(len(code) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    done = libc.syscall(nr_seccomp, _SECCOMP_SET_MODE_FILTER, _SECCOMP_FILTER_FLAG_TSYNC, ctypes.byref(prog))
    return done == 0
