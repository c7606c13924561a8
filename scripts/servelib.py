"""Shared by serve-check.py and serve-bench.py: `handoff serve` on a copy of the examples."""
import os
import re
import shutil
import subprocess
import tempfile


def start(binary, *extra):
    """Copies Content/ and the plan records to a temporary folder and starts `handoff serve
    --port 0` there. Returns the folder, the process and the port it printed."""
    work = tempfile.mkdtemp(prefix="handoff-serve.")
    shutil.copytree("Content", os.path.join(work, "Content"))
    if os.path.isdir(".claude/plans"):
        shutil.copytree(".claude/plans", os.path.join(work, ".claude/plans"))
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795600800")
    server = subprocess.Popen([os.path.abspath(binary), "serve", "--port", "0", *extra], cwd=work, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in server.stdout:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            return work, server, int(match.group(1))
    raise AssertionError("serve printed no address")
