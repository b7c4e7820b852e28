#!/usr/bin/python3
"""SQS through Debian's AWS CLI v2 (/usr/bin/aws 2.9.19, Query protocol) against a running SimStack launcher.

Each step shells out to the CLI exactly as a user types it, and checks the CLI's JSON output.
"""
import base64
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import (AWS_CLI, Suite, aws, aws_error, cli_has_operation, client_env, expect,  # noqa: E402
                         expect_true, main_guard, md5_hex, md5_of_message_attributes)

S = Suite("sqs_cli")
ACCOUNT = "000000000000"
BLOB = bytes(range(200))
ATTRIBUTES = {
    "app.color": {"DataType": "String", "StringValue": "grün"},
    "app.count": {"DataType": "Number", "StringValue": "-7"},
    "blob": {"DataType": "Binary", "BinaryValue": base64.b64encode(BLOB).decode()},
}
ATTRIBUTES_RAW = {**ATTRIBUTES, "blob": {"DataType": "Binary", "BinaryValue": BLOB}}
Q = {}


def sqs(*args):
    return aws(S.endpoint, "sqs", *args)


def sqs_error(*args):
    return aws_error(S.endpoint, "sqs", *args)


def messages(*args):
    return sqs("receive-message", *args).get("Messages", [])


def attribute(url, name):
    return sqs("get-queue-attributes", "--queue-url", url, "--attribute-names", name)["Attributes"][name]


def create_queue():
    name = S.unique("main")
    url = sqs("create-queue", "--queue-name", name, "--attributes", "VisibilityTimeout=40,DelaySeconds=0",
              "--tags", "team=conformance,env=ci")["QueueUrl"]
    expect_true(url.endswith(f"/{ACCOUNT}/{name}"), f"queue URL {url} does not end with /{ACCOUNT}/{name}")
    Q["main"] = url
    expect(sqs("create-queue", "--queue-name", name, "--attributes", "VisibilityTimeout=40")["QueueUrl"], url,
           "URL of the same queue created twice")


def create_queue_conflict():
    expect(sqs_error("create-queue", "--queue-name", S.unique("main"), "--attributes", "VisibilityTimeout=41"),
           "QueueAlreadyExists", "error code")


def create_fifo_queue():
    url = sqs("create-queue", "--queue-name", S.unique("fifo") + ".fifo",
              "--attributes", "FifoQueue=true,ContentBasedDeduplication=true")["QueueUrl"]
    Q["fifo"] = url


def get_queue_url():
    expect(sqs("get-queue-url", "--queue-name", S.unique("main"))["QueueUrl"], Q["main"], "QueueUrl")
    expect(sqs_error("get-queue-url", "--queue-name", S.unique("missing")),
           "AWS.SimpleQueueService.NonExistentQueue", "error code")


def list_queues_pagination():
    prefix = f"clipage-{S.run_id}-"
    urls = sorted(sqs("create-queue", "--queue-name", f"{prefix}{i}")["QueueUrl"] for i in range(3))
    first = sqs("list-queues", "--queue-name-prefix", prefix, "--max-results", "2", "--no-paginate")
    expect(len(first["QueueUrls"]), 2, "queues on the first page")
    expect_true(first.get("NextToken"), "NextToken missing after a full page")
    second = sqs("list-queues", "--queue-name-prefix", prefix, "--max-results", "2", "--no-paginate",
                 "--next-token", first["NextToken"])
    expect(sorted(first["QueueUrls"] + second["QueueUrls"]), urls, "queues over both pages")
    expect_true("NextToken" not in second, f"NextToken on the last page: {second}")
    # The CLI's own pagination follows NextToken to the end.
    expect(sorted(sqs("list-queues", "--queue-name-prefix", prefix, "--page-size", "1")["QueueUrls"]), urls,
           "queues through --page-size 1")


def queue_attributes():
    sqs("set-queue-attributes", "--queue-url", Q["main"], "--attributes", "VisibilityTimeout=25")
    attrs = sqs("get-queue-attributes", "--queue-url", Q["main"], "--attribute-names", "All")["Attributes"]
    expect(attrs["VisibilityTimeout"], "25", "VisibilityTimeout")
    expect(attrs["QueueArn"], f"arn:aws:sqs:us-east-1:{ACCOUNT}:{S.unique('main')}", "QueueArn")
    expect(sqs_error("set-queue-attributes", "--queue-url", Q["main"], "--attributes", "VisibilityTimeout=-1"),
           "InvalidAttributeValue", "error code")


def send_message():
    body = "hello from the CLI"
    sent = sqs("send-message", "--queue-url", Q["main"], "--message-body", body,
               "--message-attributes", json.dumps(ATTRIBUTES))
    expect(sent["MD5OfMessageBody"], md5_hex(body), "MD5OfMessageBody")
    expect(sent["MD5OfMessageAttributes"], md5_of_message_attributes(ATTRIBUTES_RAW), "MD5OfMessageAttributes")
    Q["sent"] = sent["MessageId"]


def special_characters_round_trip():
    body = "a\r\nb & <c> \"d\" ]]> \U0001F600 end"
    url = sqs("create-queue", "--queue-name", S.unique("chars"))["QueueUrl"]
    sent = sqs("send-message", "--queue-url", url, "--message-body", body)
    expect(sent["MD5OfMessageBody"], md5_hex(body), "MD5OfMessageBody")
    expect([m["Body"] for m in messages("--queue-url", url)], [body], "body received")


def receive_message():
    got = messages("--queue-url", Q["main"], "--attribute-names", "All", "--message-attribute-names", "All",
                   "--max-number-of-messages", "10")
    expect([m["MessageId"] for m in got], [Q["sent"]], "MessageIds received")
    m = got[0]
    expect(m["Body"], "hello from the CLI", "Body")
    expect(m["MD5OfBody"], md5_hex(m["Body"]), "MD5OfBody")
    expect(m["MessageAttributes"], ATTRIBUTES, "MessageAttributes (binary as base64)")
    expect(m["MD5OfMessageAttributes"], md5_of_message_attributes(ATTRIBUTES_RAW), "MD5OfMessageAttributes")
    expect(m["Attributes"]["ApproximateReceiveCount"], "1", "ApproximateReceiveCount")
    for name in ("SenderId", "SentTimestamp", "ApproximateFirstReceiveTimestamp"):
        expect_true(name in m["Attributes"], f"system attribute {name} missing")
    Q["receipt"] = m["ReceiptHandle"]


def change_visibility_and_delete():
    sqs("change-message-visibility", "--queue-url", Q["main"], "--receipt-handle", Q["receipt"],
        "--visibility-timeout", "0")
    again = messages("--queue-url", Q["main"], "--attribute-names", "ApproximateReceiveCount")
    expect([(m["MessageId"], m["Attributes"]["ApproximateReceiveCount"]) for m in again], [(Q["sent"], "2")],
           "message visible again, received twice")
    sqs("delete-message", "--queue-url", Q["main"], "--receipt-handle", again[0]["ReceiptHandle"])
    expect(sqs_error("delete-message", "--queue-url", Q["main"], "--receipt-handle", "garbage"),
           "ReceiptHandleIsInvalid", "error code of a malformed receipt handle")


def send_message_batch():
    entries = [{"Id": "a", "MessageBody": "one"}, {"Id": "b", "MessageBody": "two", "DelaySeconds": 0},
               {"Id": "c", "MessageBody": "three", "DelaySeconds": 901}]
    result = sqs("send-message-batch", "--queue-url", Q["main"], "--entries", json.dumps(entries))
    expect(sorted(e["Id"] for e in result.get("Successful", [])), ["a", "b"], "successful ids")
    expect({e["Id"]: e["MD5OfMessageBody"] for e in result["Successful"]}, {"a": md5_hex("one"), "b": md5_hex("two")},
           "body digests")
    failed = result.get("Failed", [])
    expect([(f["Id"], f["SenderFault"]) for f in failed], [("c", True)], "failed entries")
    expect_true(failed[0].get("Code"), f"failed entry without a Code: {failed[0]}")


def batch_visibility_and_delete():
    got = messages("--queue-url", Q["main"], "--max-number-of-messages", "10")
    expect(sorted(m["Body"] for m in got), ["one", "two"], "bodies")
    entries = [{"Id": f"m{i}", "ReceiptHandle": m["ReceiptHandle"], "VisibilityTimeout": 0}
               for i, m in enumerate(got)]
    changed = sqs("change-message-visibility-batch", "--queue-url", Q["main"], "--entries", json.dumps(
        entries + [{"Id": "x", "ReceiptHandle": "garbage", "VisibilityTimeout": 0}]))
    expect(sorted(e["Id"] for e in changed["Successful"]), ["m0", "m1"], "changed ids")
    expect([(f["Id"], f["Code"]) for f in changed["Failed"]], [("x", "ReceiptHandleIsInvalid")], "failed change")
    got = messages("--queue-url", Q["main"], "--max-number-of-messages", "10")
    expect(len(got), 2, "messages visible after the batch change")
    deleted = sqs("delete-message-batch", "--queue-url", Q["main"], "--entries", json.dumps(
        [{"Id": f"d{i}", "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(got)]))
    expect(sorted(e["Id"] for e in deleted["Successful"]), ["d0", "d1"], "deleted ids")
    expect(deleted.get("Failed", []), [], "failed deletes")


def long_poll_empty():
    started = time.monotonic()
    got = messages("--queue-url", Q["main"], "--wait-time-seconds", "1")
    elapsed = time.monotonic() - started
    expect(got, [], "messages from an empty queue")
    expect_true(1.0 <= elapsed < 15, f"CLI with a 1 s long poll took {elapsed:.2f} s")


def purge_queue():
    sqs("send-message", "--queue-url", Q["main"], "--message-body", "to purge")
    sqs("purge-queue", "--queue-url", Q["main"])
    expect(attribute(Q["main"], "ApproximateNumberOfMessages"), "0", "messages after purge")
    expect(sqs_error("purge-queue", "--queue-url", Q["main"]), "AWS.SimpleQueueService.PurgeQueueInProgress",
           "error code of a second purge")


def tags():
    expect(sqs("list-queue-tags", "--queue-url", Q["main"]).get("Tags"), {"team": "conformance", "env": "ci"},
           "tags from create-queue")
    sqs("tag-queue", "--queue-url", Q["main"], "--tags", "owner=me,env=prod")
    sqs("untag-queue", "--queue-url", Q["main"], "--tag-keys", "team")
    expect(sqs("list-queue-tags", "--queue-url", Q["main"]).get("Tags"), {"env": "prod", "owner": "me"},
           "tags after tag-queue and untag-queue")


def dead_letter_queue():
    dlq = sqs("create-queue", "--queue-name", S.unique("dlq"))["QueueUrl"]
    arn = attribute(dlq, "QueueArn")
    policy = json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": "1"})
    source = sqs("create-queue", "--queue-name", S.unique("source"),
                 "--attributes", json.dumps({"RedrivePolicy": policy}))["QueueUrl"]
    sent = sqs("send-message", "--queue-url", source, "--message-body", "poison")["MessageId"]
    expect([m["MessageId"] for m in messages("--queue-url", source, "--visibility-timeout", "0")], [sent],
           "first receive")
    expect(messages("--queue-url", source, "--visibility-timeout", "0"), [], "receive after maxReceiveCount 1")
    expect([m["MessageId"] for m in messages("--queue-url", dlq)], [sent], "message in the DLQ")
    expect(sqs("list-dead-letter-source-queues", "--queue-url", dlq)["queueUrls"], [source], "queueUrls")


def fifo():
    url = Q["fifo"]
    seqs = [sqs("send-message", "--queue-url", url, "--message-body", body, "--message-group-id", "g")
            for body in ("first", "second")]
    dup = sqs("send-message", "--queue-url", url, "--message-body", "first", "--message-group-id", "g")
    expect(dup["MessageId"], seqs[0]["MessageId"], "MessageId of a content-deduplicated send")
    expect_true(all(len(s["SequenceNumber"]) == 20 for s in seqs), f"SequenceNumbers {seqs}")
    got = messages("--queue-url", url, "--max-number-of-messages", "10", "--attribute-names", "All")
    expect([m["Body"] for m in got], ["first", "second"], "bodies in order")
    expect(got[0]["Attributes"]["MessageGroupId"], "g", "MessageGroupId")
    expect(sqs_error("send-message", "--queue-url", url, "--message-body", "x"), "MissingParameter",
           "error code without a group id")


def parameter_errors():
    expect(sqs_error("receive-message", "--queue-url", Q["main"], "--max-number-of-messages", "11"),
           "InvalidParameterValue", "error code of MaxNumberOfMessages 11")
    expect(sqs_error("send-message", "--queue-url", Q["main"], "--message-body", "x", "--delay-seconds", "901"),
           "InvalidParameterValue", "error code of DelaySeconds 901")


def empty_batch():
    # The CLI sends an empty list as `Entries=`; SQS answers EmptyBatchRequest.
    expect(sqs_error("delete-message-batch", "--queue-url", Q["main"], "--entries", "[]"),
           "AWS.SimpleQueueService.EmptyBatchRequest", "error code of an empty batch")


def delete_queue():
    sqs("delete-queue", "--queue-url", Q["fifo"])
    expect(sqs_error("get-queue-url", "--queue-name", S.unique("fifo") + ".fifo"),
           "AWS.SimpleQueueService.NonExistentQueue", "error code after delete")


def message_move_tasks():
    """Only with a CLI new enough to have the operations (2.13+); Debian 12's 2.9.19 has not."""
    dlq = sqs("create-queue", "--queue-name", S.unique("movedlq"))["QueueUrl"]
    arn = attribute(dlq, "QueueArn")
    policy = json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": "1"})
    sqs("create-queue", "--queue-name", S.unique("movesrc"), "--attributes", json.dumps({"RedrivePolicy": policy}))
    task = sqs("start-message-move-task", "--source-arn", arn)
    expect_true(task.get("TaskHandle"), f"no TaskHandle: {task}")
    listed = sqs("list-message-move-tasks", "--source-arn", arn)["Results"]
    expect_true(listed and listed[0]["Status"] in ("RUNNING", "COMPLETED"), f"tasks {listed}")
    if listed[0]["Status"] == "RUNNING":
        sqs("cancel-message-move-task", "--task-handle", task["TaskHandle"])


def sqs_in_account(account, *args):
    """The CLI with AWS_ACCESS_KEY_ID set to a twelve-digit account id (LocalStack's convention); (code, out, err)."""
    env = client_env()
    env["AWS_ACCESS_KEY_ID"] = account
    proc = subprocess.run([AWS_CLI, "--endpoint-url", S.endpoint, "--output", "json", "sqs", *args], env=env,
                          capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def accounts_by_access_key():
    name = S.unique("acct")
    default_url = sqs("create-queue", "--queue-name", name)["QueueUrl"]
    code, out, err = sqs_in_account("111111111111", "create-queue", "--queue-name", name)
    expect_true(code == 0, f"create-queue in account 111111111111: {err.strip()[:300]}")
    other_url = json.loads(out)["QueueUrl"]
    expect(other_url.rsplit("/", 2)[-2:], ["111111111111", name], "account and name in the queue URL")
    expect(default_url.rsplit("/", 2)[-2], ACCOUNT, "account of the default account's queue URL")
    code, out, err = sqs_in_account("111111111111", "send-message", "--queue-url", other_url, "--message-body", "x")
    expect_true(code == 0, f"send-message in account 111111111111: {err.strip()[:300]}")
    expect(messages("--queue-url", default_url), [], "messages of the default account's queue of the same name")
    # Without a queue policy, another account's queue is refused as AWS refuses it.
    expect(sqs_error("send-message", "--queue-url", other_url, "--message-body", "x"), "AccessDenied",
           "error of sending to another account's queue")
    sqs_in_account("111111111111", "delete-queue", "--queue-url", other_url)
    sqs("delete-queue", "--queue-url", default_url)


def run():
    for check in (create_queue, create_queue_conflict, create_fifo_queue, get_queue_url, list_queues_pagination,
                  queue_attributes, send_message, receive_message, special_characters_round_trip,
                  change_visibility_and_delete, send_message_batch, batch_visibility_and_delete, long_poll_empty, purge_queue, tags, dead_letter_queue, fifo,
                  parameter_errors, empty_batch, delete_queue, accounts_by_access_key):
        S.check(check.__name__, check)
    if cli_has_operation("sqs", "StartMessageMoveTask"):
        S.check("message_move_tasks", message_move_tasks)
    else:
        S.skip("message_move_tasks", "this AWS CLI's SQS model has no start/list/cancel-message-move-task")
    return S.failed


if __name__ == "__main__":
    main_guard(run)
