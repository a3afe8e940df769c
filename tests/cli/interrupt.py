"""Runs an mdasim command and signals it, as Ctrl-C or a scheduler's kill would: shared by the
end-to-end checks of `mdasim run` and `mdasim compare` and the fault checks."""

import signal
import subprocess


def start(args):
    """Starts `args` with stdout and stderr captured as text. The signals mdasim handles are
    restored to their defaults in the child: a background shell may have ignored them."""
    def defaults():
        for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(s, signal.SIG_DFL)
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=defaults)


def finish(proc, timeout_s):
    """(exit status, stdout, stderr), or None after killing a program that did not end in time."""
    try:
        stdout, stderr = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None
    return proc.returncode, stdout, stderr


def interrupt_after(args, delay_s, timeout_s=60):
    """Starts `args`, sends SIGINT after delay_s seconds and waits for the program to end.

    Returns (exit status, stdout, stderr), or None if it did not end within timeout_s of the
    signal (it is then killed).
    """
    proc = start(args)
    try:
        proc.wait(timeout=delay_s)
    except subprocess.TimeoutExpired:
        pass
    proc.send_signal(signal.SIGINT)
    return finish(proc, timeout_s)
