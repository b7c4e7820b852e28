#!/usr/bin/python3
"""The launcher distribution (server-dist's tar.gz) through Debian's AWS CLI v2, with no JDK on the PATH.

Unpacks the tar.gz into a temporary directory, starts its bin/simstack with a PATH holding only the tools
the script uses (sh, mv, rm, mkdir: no java), and drives it with the CLI as a user does. The suite starts
and stops its own launcher: run.sh's shared one is not used.
"""
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
os.environ.setdefault("SIMSTACK_ENDPOINT", "")  # set below, once the distribution listens
from conformance import Suite, aws, expect, expect_true, main_guard  # noqa: E402

S = Suite("dist_cli")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = ("sh", "mv", "rm", "mkdir")
WORK = tempfile.mkdtemp(prefix="simstack-dist-")
RUN = {}


def distribution():
    found = sorted(glob.glob(os.environ.get("SIMSTACK_DIST") or os.path.join(ROOT, "server-dist/target/simstack-*.tar.gz")))
    expect_true(found, "no server-dist/target/simstack-*.tar.gz: build it with ./mvnw -B -q -DskipTests package")
    return found[-1]


def unpacks_into_a_directory():
    subprocess.run(["tar", "-xzf", distribution(), "-C", WORK], check=True)
    homes = glob.glob(os.path.join(WORK, "simstack-*"))
    expect(len(homes), 1, "directories in the tar.gz")
    RUN["home"] = homes[0]
    tools = os.path.join(WORK, "tools")
    os.mkdir(tools)
    for tool in TOOLS:
        os.symlink(shutil.which(tool, path="/usr/bin:/bin"), os.path.join(tools, tool))
    RUN["tools"] = tools


def the_path_has_no_java():
    expect(shutil.which("java", path=RUN["tools"]), None, "java on the PATH bin/simstack gets")
    expect(sorted(os.listdir(RUN["tools"])), sorted(TOOLS), "the PATH's tools")


def starts_and_reports_healthy():
    log = open(os.path.join(WORK, "simstack.log"), "w+", encoding="utf-8")
    RUN["log"] = log
    RUN["process"] = subprocess.Popen([os.path.join(RUN["home"], "bin/simstack"), "--port", "0", "--seed", "16"],
                                      env={"PATH": RUN["tools"]}, stdout=log, stderr=subprocess.STDOUT,
                                      start_new_session=True)  # its own group: a kill reaches the JVM too
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not S.endpoint:
        expect(RUN["process"].poll(), None, "bin/simstack's exit status while starting")
        with open(log.name, encoding="utf-8") as text:
            found = re.search(r"listening on (http://127\.0\.0\.1:\d+)", text.read())
        S.endpoint = found.group(1) if found else ""
        time.sleep(0.2)
    expect_true(S.endpoint, "bin/simstack printed no 'listening on' line within 60 s")
    with urllib.request.urlopen(S.endpoint + "/_localstack/health", timeout=10) as answer:
        expect(json.load(answer)["services"].get("sqs"), "running", "sqs in the health answer")


def sqs_round_trip():
    url = aws(S.endpoint, "sqs", "create-queue", "--queue-name", "dist-orders")["QueueUrl"]
    aws(S.endpoint, "sqs", "send-message", "--queue-url", url, "--message-body", "from the distribution")
    messages = aws(S.endpoint, "sqs", "receive-message", "--queue-url", url).get("Messages", [])
    expect([m["Body"] for m in messages], ["from the distribution"], "received bodies")


def dynamodb_round_trip():
    aws(S.endpoint, "dynamodb", "create-table", "--table-name", "dist-orders", "--billing-mode", "PAY_PER_REQUEST",
        "--attribute-definitions", "AttributeName=id,AttributeType=S", "--key-schema", "AttributeName=id,KeyType=HASH")
    aws(S.endpoint, "dynamodb", "put-item", "--table-name", "dist-orders", "--item", '{"id": {"S": "42"}}')
    item = aws(S.endpoint, "dynamodb", "get-item", "--table-name", "dist-orders", "--key", '{"id": {"S": "42"}}')
    expect(item.get("Item"), {"id": {"S": "42"}}, "the item read back")


def stops_on_sigterm():
    process = RUN["process"]
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=90)
    with open(RUN["log"].name, encoding="utf-8") as text:
        expect_true("SimStack stopped." in text.read(), "no 'SimStack stopped.' line after SIGTERM")


def run():
    try:
        for check in (unpacks_into_a_directory, the_path_has_no_java, starts_and_reports_healthy,
                      sqs_round_trip, dynamodb_round_trip, stops_on_sigterm):
            if not S.check(check.__name__, check):
                break  # each step needs the one before
    finally:
        process = RUN.get("process")
        if process and process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        if S.failed and RUN.get("log"):
            with open(RUN["log"].name, encoding="utf-8") as text:
                for line in text.read().splitlines()[-20:]:
                    print(f"  dist| {line}")
        shutil.rmtree(WORK, ignore_errors=True)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
