#!/usr/bin/python3
"""The reset endpoint, run after every other suite (it empties the launcher they share).

LocalStack's path with curl-like HTTP, then the AWS CLI sees no queue, table or bucket left, and a name
used before the reset can be created again.
"""
import json
import os
import sys
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import Suite, aws, expect, expect_true, main_guard  # noqa: E402

S = Suite("reset_cli")


def post(path, method="POST"):
    request = urllib.request.Request(S.endpoint + path, method=method, data=b"" if method == "POST" else None)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def state_before_reset():
    aws(S.endpoint, "sqs", "create-queue", "--queue-name", S.unique("kept-name"))
    aws(S.endpoint, "dynamodb", "create-table", "--table-name", S.unique("table"), "--billing-mode",
        "PAY_PER_REQUEST", "--attribute-definitions", "AttributeName=id,AttributeType=S",
        "--key-schema", "AttributeName=id,KeyType=HASH")
    aws(S.endpoint, "s3api", "create-bucket", "--bucket", f"reset-{S.run_id}")
    expect_true(aws(S.endpoint, "sqs", "list-queues").get("QueueUrls"), "no queue before the reset")
    expect_true(aws(S.endpoint, "dynamodb", "list-tables")["TableNames"], "no table before the reset")
    expect_true(aws(S.endpoint, "s3api", "list-buckets").get("Buckets"), "no bucket before the reset")


def wrong_method_is_405():
    status, body = post("/_localstack/state/reset", method="GET")
    expect(status, 405, "status of GET on the reset path")
    expect_true(b"POST" in body, f"the 405 answer does not say to POST: {body[:200]!r}")


def reset_at_localstacks_path():
    status, body = post("/_localstack/state/reset")
    expect(status, 200, "status")
    expect(json.loads(body).get("reset"), True, "reset in the answer")


def nothing_left():
    expect(aws(S.endpoint, "sqs", "list-queues").get("QueueUrls", []), [], "queues after the reset")
    expect(aws(S.endpoint, "dynamodb", "list-tables")["TableNames"], [], "tables after the reset")
    expect(aws(S.endpoint, "s3api", "list-buckets").get("Buckets", []), [], "buckets after the reset")


def names_free_again():
    url = aws(S.endpoint, "sqs", "create-queue", "--queue-name", S.unique("kept-name"))["QueueUrl"]
    expect(aws(S.endpoint, "sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names",
               "ApproximateNumberOfMessages")["Attributes"]["ApproximateNumberOfMessages"], "0", "messages")


def one_service_reset():
    status, _ = post("/_localstack/state/sqs/reset")
    expect(status, 200, "status of a per-service reset")
    expect(aws(S.endpoint, "sqs", "list-queues").get("QueueUrls", []), [], "queues after resetting sqs alone")


def run():
    for check in (state_before_reset, wrong_method_is_405, reset_at_localstacks_path, nothing_left,
                  names_free_again, one_service_reset):
        S.check(check.__name__, check)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
