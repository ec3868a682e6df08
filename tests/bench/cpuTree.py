#!/usr/bin/env python3
"""CPU of a whole process tree, start to end, for the bench's `cli` section (Linux only).

    python3 cpuTree.py <result.json> -- <command> [args…]

Runs the command with its stdin, stdout and stderr passed through, as a *child subreaper*
(prctl PR_SET_CHILD_SUBREAPER): every process below it that is orphaned — the headless Chromium
that `cxdesk report` leaves to be killed by its exit, its zygote, renderers, GPU and utility
processes — is re-parented to this process instead of to init, and reaped here, so its user and
system time is counted in this process's RUSAGE_CHILDREN. /proc alone cannot see a process once it
is gone; this counts every process of the tree, however short-lived.

Writes to <result.json>:
  wallMs     spawn → the command's own exit (what a user waits for at the shell)
  treeMs     spawn → the last process of its tree reaped
  cpuMs      user + system CPU of every process of the tree, in ms
  spawnNs    CLOCK_MONOTONIC at the spawn, in ns (Node's process.hrtime reads the same clock on
             Linux), so the caller can time stderr lines from the command's spawn
  exitCode   the command's exit status (also this process's)
Uses only the standard library.
"""
import ctypes
import json
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def main() -> int:
    if len(sys.argv) < 4 or sys.argv[2] != '--':
        print(__doc__, file=sys.stderr)
        return 2
    out, cmd = sys.argv[1], sys.argv[3:]
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print('cpuTree.py: prctl(PR_SET_CHILD_SUBREAPER) failed', file=sys.stderr)
        return 2
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    spawn_ns = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
    child = subprocess.Popen(cmd)
    code = child.wait()
    exit_ns = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
    # Reap the orphans the command left (they were re-parented here) until none is left.
    while True:
        try:
            os.wait()
        except ChildProcessError:
            break
    tree_ns = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    with open(out, 'w') as f:
        json.dump({
            'wallMs': round((exit_ns - spawn_ns) / 1e6, 1),
            'treeMs': round((tree_ns - spawn_ns) / 1e6, 1),
            'cpuMs': round(cpu * 1000),
            'spawnNs': str(spawn_ns),
            'exitCode': code,
        }, f)
    return code if code >= 0 else 128 - code


if __name__ == '__main__':
    sys.exit(main())
