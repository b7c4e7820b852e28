"""Shared pieces of the conformance suites: the check runner, the clients' environment, SQS's MD5 rules.

Every suite prints one line per check, `PASS name`, `FAIL name: reason` or `SKIP name (reason)`;
run.sh counts them. A check is a function; any exception in it is its failure reason.
"""
import hashlib
import json
import os
import struct
import subprocess
import sys
import traceback
import uuid

AWS_CLI = "/usr/bin/aws"  # Debian's AWS CLI v2 (2.9.19); a pyenv `aws` v1 may shadow it on PATH


class Suite:
    """Runs named checks in order and prints one result line for each."""

    def __init__(self, name, unfinished=None):
        """unfinished: why the engine's service is not complete yet. Its failing checks then print as
        `SKIP name (known gap: ...)` (CONFORMANCE_STRICT=1 makes them fail) so a suite can land before
        the service does and turns green check by check."""
        self.name = name
        self.unfinished = unfinished if not os.environ.get("CONFORMANCE_STRICT") else None
        self.gaps = 0
        self.endpoint = os.environ["SIMSTACK_ENDPOINT"]
        # Unique names per run, so suites can share one launcher and run side by side.
        self.run_id = os.environ.get("CONFORMANCE_RUN_ID") or uuid.uuid4().hex[:8]
        self.failed = 0

    def unique(self, base):
        return f"{base}-{self.name}-{self.run_id}"

    def check(self, name, fn, *args):
        try:
            fn(*args)
        except Exception as e:  # noqa: BLE001 - any error is the check's failure
            reason = f"{type(e).__name__}: {e}".replace("\n", " ")
            if self.unfinished:
                self.gaps += 1
                print(f"SKIP {self.name}.{name} (known gap: {reason[:600]})", flush=True)
                return False
            self.failed += 1
            print(f"FAIL {self.name}.{name}: {reason[:600]}", flush=True)
            if os.environ.get("CONFORMANCE_DEBUG"):
                traceback.print_exc()
            return False
        print(f"PASS {self.name}.{name}", flush=True)
        return True

    def skip(self, name, reason):
        print(f"SKIP {self.name}.{name} ({reason})", flush=True)


def expect(actual, expected, what="value"):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def expect_true(condition, message):
    if not condition:
        raise AssertionError(message)


def client_env():
    """The clients' environment: static test credentials, no config from the home directory."""
    env = dict(os.environ)
    env.update({
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        "AWS_PAGER": "",
        "AWS_MAX_ATTEMPTS": "1",  # an engine error must show, not be retried away
    })
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_DEFAULT_PROFILE"):
        env.pop(name, None)
    return env


os.environ.update({k: v for k, v in client_env().items() if k.startswith("AWS_")})
for _name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_DEFAULT_PROFILE"):
    os.environ.pop(_name, None)


class CliError(Exception):
    def __init__(self, rc, stderr):
        super().__init__(f"aws exited {rc}: {stderr.strip()[:400]}")
        self.rc = rc
        self.stderr = stderr


def aws(endpoint, *args, expect_json=True, timeout=60):
    """Runs Debian's AWS CLI v2 against the endpoint; returns its parsed JSON output (or text)."""
    proc = subprocess.run([AWS_CLI, "--endpoint-url", endpoint, "--output", "json", *args],
                          env=client_env(), capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise CliError(proc.returncode, proc.stderr)
    if not expect_json:
        return proc.stdout
    return json.loads(proc.stdout) if proc.stdout.strip() else {}


def aws_error(endpoint, *args):
    """Runs a CLI command that must fail; returns the AWS error code from `An error occurred (Code)`."""
    try:
        aws(endpoint, *args)
    except CliError as e:
        marker = "An error occurred ("
        start = e.stderr.find(marker)
        if start < 0:
            raise AssertionError(f"no AWS error in CLI output: {e.stderr.strip()[:300]}") from None
        start += len(marker)
        return e.stderr[start:e.stderr.index(")", start)]
    raise AssertionError("the command succeeded; an error was expected")


# SQS's digests, as the Java SDK checks them (botocore does not, so the suites do).
def md5_hex(data):
    return hashlib.md5(data if isinstance(data, bytes) else data.encode("utf-8")).hexdigest()


def md5_of_message_attributes(attributes):
    """AWS's MD5 of message attributes: names sorted; each name, type, transport byte and value length-prefixed."""
    def prefixed(raw):
        return struct.pack(">I", len(raw)) + raw

    buf = b""
    for name in sorted(attributes):
        value = attributes[name]
        buf += prefixed(name.encode("utf-8")) + prefixed(value["DataType"].encode("utf-8"))
        if "StringValue" in value:
            buf += b"\x01" + prefixed(value["StringValue"].encode("utf-8"))
        else:
            binary = value["BinaryValue"]
            buf += b"\x02" + prefixed(binary if isinstance(binary, bytes) else binary.encode("utf-8"))
    return hashlib.md5(buf).hexdigest()


def main_guard(run):
    """Runs a suite's main; a crash outside a check still counts as one failure."""
    try:
        failed = run()
    except Exception:  # noqa: BLE001
        print(f"FAIL {os.path.basename(sys.argv[0])}: suite crashed: "
              + traceback.format_exc().strip().splitlines()[-1], flush=True)
        sys.exit(1)
    sys.exit(1 if failed else 0)


def cli_has_operation(service, operation):
    """Whether /usr/bin/aws's own service model (awscli/botocore/data) has the operation."""
    import glob
    root = "/usr/lib/python3/dist-packages/awscli/botocore/data"
    for model in glob.glob(os.path.join(root, service, "*", "service-2.json")):
        with open(model, encoding="utf-8") as f:
            if operation in json.load(f).get("operations", {}):
                return True
    return False
