"""Runs an mdasim command and interrupts it with SIGINT, as Ctrl-C would: shared by the
end-to-end checks of `mdasim run` and `mdasim compare`."""

import signal
import subprocess


def interrupt_after(args, delay_s, timeout_s=60):
    """Starts `args`, sends SIGINT after delay_s seconds and waits for the program to end.

    Returns (exit status, stdout, stderr), or None if it did not end within timeout_s of the
    signal (it is then killed). SIGINT is restored to its default in the child: a background
    shell may have ignored it for its children.
    """
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        proc.wait(timeout=delay_s)
    except subprocess.TimeoutExpired:
        pass
    proc.send_signal(signal.SIGINT)
    try:
        stdout, stderr = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None
    return proc.returncode, stdout, stderr
