#!/usr/bin/python3
"""Lambda through Debian's AWS CLI v2 (/usr/bin/aws): a Java function created from a jar built here with the
JDK's javac and jar (`create-function --zip-file fileb://...`), invoked, its code updated (`update-function-code`)
while a published version keeps the first jar's answer, and a function whose code is a jar in our S3."""
import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import Suite, aws, aws_error, expect, expect_true, main_guard  # noqa: E402

S = Suite("lambda_cli")
R = {}
TMP = tempfile.mkdtemp(prefix="simstack-lambda-")
ROLE = "arn:aws:iam::000000000000:role/lambda"
# A POJO handler (`Class::method`): no aws-lambda-java-core needed to compile it.
GREETER = """package example;
public class Greeter {
    public String greet(String name) { return "%s " + name; }
}
"""


def build_jar(word):
    """example.Greeter answering `<word> <name>`, compiled and packed as a build tool would."""
    root = os.path.join(TMP, word)
    os.makedirs(os.path.join(root, "src", "example"))
    source = os.path.join(root, "src", "example", "Greeter.java")
    with open(source, "w") as f:
        f.write(GREETER % word)
    subprocess.run(["javac", "--release", "17", "-d", os.path.join(root, "classes"), source], check=True,
                   capture_output=True, timeout=120)
    jar = os.path.join(TMP, word + ".jar")
    subprocess.run(["jar", "--create", "--file", jar, "-C", os.path.join(root, "classes"), "."], check=True,
                   capture_output=True, timeout=60)
    return jar


def invoke(name, qualifier=None):
    out = os.path.join(TMP, "out.json")
    args = ["lambda", "invoke", "--function-name", name, "--cli-binary-format", "raw-in-base64-out",
            "--payload", json.dumps("bo")]
    if qualifier:
        args += ["--qualifier", qualifier]
    result = aws(S.endpoint, *args, out)
    expect_true("FunctionError" not in result, f"function error: {result} {open(out).read()}")
    with open(out) as f:
        return json.loads(f.read())


def create_from_zip_file_and_invoke():
    R["hello"], R["bonjour"] = build_jar("hello"), build_jar("bonjour")
    name = S.unique("greeter")
    created = aws(S.endpoint, "lambda", "create-function", "--function-name", name, "--runtime", "java21",
                  "--handler", "example.Greeter::greet", "--role", ROLE, "--zip-file", "fileb://" + R["hello"])
    with open(R["hello"], "rb") as f:
        package = f.read()
    expect(created["CodeSha256"], base64.b64encode(hashlib.sha256(package).digest()).decode(), "CodeSha256")
    expect(created["CodeSize"], len(package), "CodeSize")
    expect(invoke(name), "hello bo", "answer")
    R["name"] = name


def update_code_keeps_a_published_version():
    name = R["name"]
    version = aws(S.endpoint, "lambda", "publish-version", "--function-name", name)["Version"]
    aws(S.endpoint, "lambda", "update-function-code", "--function-name", name,
        "--zip-file", "fileb://" + R["bonjour"])
    expect(invoke(name), "bonjour bo", "answer of $LATEST")
    expect(invoke(name, version), "hello bo", "answer of version " + version)


def create_from_s3():
    bucket = S.unique("code").replace("_", "-")  # bucket names take no underscore
    aws(S.endpoint, "s3api", "create-bucket", "--bucket", bucket)
    aws(S.endpoint, "s3api", "put-object", "--bucket", bucket, "--key", "app.jar", "--body", R["bonjour"])
    name = S.unique("from-s3")
    aws(S.endpoint, "lambda", "create-function", "--function-name", name, "--runtime", "java17",
        "--handler", "example.Greeter::greet", "--role", ROLE, "--code", f"S3Bucket={bucket},S3Key=app.jar")
    expect(invoke(name), "bonjour bo", "answer")
    expect(aws_error(S.endpoint, "lambda", "create-function", "--function-name", S.unique("no-key"),
                     "--runtime", "java17", "--handler", "example.Greeter::greet", "--role", ROLE,
                     "--code", f"S3Bucket={bucket},S3Key=missing.jar"), "InvalidParameterValueException",
           "error of a missing S3 key")
    aws(S.endpoint, "lambda", "delete-function", "--function-name", name)
    aws(S.endpoint, "s3api", "delete-object", "--bucket", bucket, "--key", "app.jar")
    aws(S.endpoint, "s3api", "delete-bucket", "--bucket", bucket)


def delete_function():
    aws(S.endpoint, "lambda", "delete-function", "--function-name", R["name"])
    expect(aws_error(S.endpoint, "lambda", "get-function", "--function-name", R["name"]),
           "ResourceNotFoundException", "error of GetFunction")


def run():
    try:
        for check in (create_from_zip_file_and_invoke, update_code_keeps_a_published_version, create_from_s3,
                      delete_function):
            S.check(check.__name__, check)
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
