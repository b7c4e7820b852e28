#!/usr/bin/python3
"""SQS through Debian's boto3 1.26 (botocore 1.29, Query protocol) against a running SimStack launcher."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import Suite, expect, expect_true, main_guard, md5_hex, md5_of_message_attributes  # noqa: E402

import boto3  # noqa: E402
from botocore.config import Config  # noqa: E402
from botocore.exceptions import ClientError  # noqa: E402

S = Suite("sqs_boto3")
SQS = boto3.client("sqs", endpoint_url=S.endpoint, region_name="us-east-1",
                   aws_access_key_id="test", aws_secret_access_key="test",
                   config=Config(retries={"max_attempts": 1, "mode": "standard"},
                                 read_timeout=30, connect_timeout=5))
ACCOUNT = "000000000000"
WIRE = []  # (operation, status, headers, body) of every answer, for the wire-format check


def _record(http_response, model, **_):
    WIRE.append((model.name, http_response.status_code, dict(http_response.headers), http_response.content))


SQS.meta.events.register("after-call.sqs", _record)

ATTRIBUTES = {
    "app.color": {"DataType": "String", "StringValue": "blue ✓"},
    "app.count": {"DataType": "Number", "StringValue": "42.5"},
    "blob": {"DataType": "Binary", "BinaryValue": bytes(range(256))},
    "kind": {"DataType": "String.custom", "StringValue": "x"},
}
Q = {}  # queue urls by role


def error_code(call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except ClientError as e:
        return e
    raise AssertionError("the call succeeded; an error was expected")


def expect_error(err, exception_class, code, status=None):
    expect_true(isinstance(err, exception_class),
                f"expected {exception_class.__name__}, got {type(err).__name__} ({err.response['Error']})")
    expect(err.response["Error"]["Code"], code, "error code")
    if status is not None:
        expect(err.response["ResponseMetadata"]["HTTPStatusCode"], status, "HTTP status")


def receive(url, **kwargs):
    return SQS.receive_message(QueueUrl=url, **kwargs).get("Messages", [])


def queue_attribute(url, name):
    return SQS.get_queue_attributes(QueueUrl=url, AttributeNames=[name])["Attributes"][name]


def create_queue():
    name = S.unique("main")
    url = SQS.create_queue(QueueName=name, Attributes={"VisibilityTimeout": "45", "MaximumMessageSize": "2048",
                                                       "MessageRetentionPeriod": "3600"},
                           tags={"team": "conformance", "env": "ci"})["QueueUrl"]
    expect_true(url.endswith(f"/{ACCOUNT}/{name}"), f"queue URL {url} does not end with /{ACCOUNT}/{name}")
    Q["main"] = url


def create_queue_is_idempotent():
    url = SQS.create_queue(QueueName=S.unique("main"), Attributes={"VisibilityTimeout": "45",
                                                                   "MaximumMessageSize": "2048",
                                                                   "MessageRetentionPeriod": "3600"})["QueueUrl"]
    expect(url, Q["main"], "URL of the same queue created twice")


def create_queue_with_other_attributes():
    err = error_code(SQS.create_queue, QueueName=S.unique("main"), Attributes={"VisibilityTimeout": "46"})
    expect_error(err, SQS.exceptions.QueueNameExists, "QueueAlreadyExists", 400)


def create_fifo_queue():
    name = S.unique("fifo") + ".fifo"
    Q["fifo"] = SQS.create_queue(QueueName=name, Attributes={"FifoQueue": "true"})["QueueUrl"]
    name = S.unique("fifocbd") + ".fifo"
    Q["fifo_cbd"] = SQS.create_queue(QueueName=name, Attributes={"FifoQueue": "true",
                                                                 "ContentBasedDeduplication": "true"})["QueueUrl"]
    expect(queue_attribute(Q["fifo_cbd"], "ContentBasedDeduplication"), "true", "ContentBasedDeduplication")
    expect(queue_attribute(Q["fifo"], "FifoQueue"), "true", "FifoQueue")


def create_queue_bad_names():
    err = error_code(SQS.create_queue, QueueName="no spaces allowed!")
    expect_error(err, ClientError, "InvalidParameterValue", 400)
    err = error_code(SQS.create_queue, QueueName=S.unique("nosuffix"), Attributes={"FifoQueue": "true"})
    expect_error(err, ClientError, "InvalidParameterValue", 400)


def create_queue_bad_attribute():
    err = error_code(SQS.create_queue, QueueName=S.unique("badattr"), Attributes={"VisibilityTimeout": "43201"})
    expect_error(err, ClientError, "InvalidAttributeValue", 400)


def get_queue_url():
    expect(SQS.get_queue_url(QueueName=S.unique("main"))["QueueUrl"], Q["main"], "QueueUrl")
    expect(SQS.get_queue_url(QueueName=S.unique("main"), QueueOwnerAWSAccountId=ACCOUNT)["QueueUrl"], Q["main"],
           "QueueUrl with QueueOwnerAWSAccountId")


def get_queue_url_missing():
    err = error_code(SQS.get_queue_url, QueueName=S.unique("missing"))
    expect_error(err, SQS.exceptions.QueueDoesNotExist, "AWS.SimpleQueueService.NonExistentQueue", 400)


def list_queues_prefix_and_pagination():
    prefix = f"page-{S.run_id}-"
    urls = sorted(SQS.create_queue(QueueName=f"{prefix}{i}")["QueueUrl"] for i in range(5))
    listed = SQS.list_queues(QueueNamePrefix=prefix)
    expect(sorted(listed["QueueUrls"]), urls, "QueueUrls with prefix")
    expect_true("NextToken" not in listed, "NextToken without MaxResults")
    seen, token, pages = [], None, 0
    while True:
        kwargs = {"QueueNamePrefix": prefix, "MaxResults": 2}
        if token:
            kwargs["NextToken"] = token
        page = SQS.list_queues(**kwargs)
        pages += 1
        expect_true(len(page.get("QueueUrls", [])) <= 2, f"page of {len(page['QueueUrls'])} > MaxResults 2")
        seen += page.get("QueueUrls", [])
        token = page.get("NextToken")
        if not token or pages > 5:
            break
    expect(sorted(seen), urls, "QueueUrls over all pages")
    expect(pages, 3, "pages of 2 for 5 queues")
    paginated = [u for p in SQS.get_paginator("list_queues").paginate(QueueNamePrefix=prefix,
                                                                     PaginationConfig={"PageSize": 3})
                 for u in p.get("QueueUrls", [])]
    expect(sorted(paginated), urls, "QueueUrls through boto3's paginator")
    expect(SQS.list_queues(QueueNamePrefix=f"nothing-{S.run_id}").get("QueueUrls"), None, "QueueUrls of no match")


def get_queue_attributes():
    attrs = SQS.get_queue_attributes(QueueUrl=Q["main"], AttributeNames=["All"])["Attributes"]
    for name in ("QueueArn", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
                 "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp",
                 "VisibilityTimeout", "MaximumMessageSize", "MessageRetentionPeriod", "DelaySeconds",
                 "ReceiveMessageWaitTimeSeconds"):
        expect_true(name in attrs, f"attribute {name} missing from All: {sorted(attrs)}")
    expect(attrs["QueueArn"], f"arn:aws:sqs:us-east-1:{ACCOUNT}:{S.unique('main')}", "QueueArn")
    expect(attrs["VisibilityTimeout"], "45", "VisibilityTimeout")
    expect(attrs["MaximumMessageSize"], "2048", "MaximumMessageSize")
    named = SQS.get_queue_attributes(QueueUrl=Q["main"], AttributeNames=["VisibilityTimeout", "DelaySeconds"])
    expect(named["Attributes"], {"VisibilityTimeout": "45", "DelaySeconds": "0"}, "named attributes")


def set_queue_attributes():
    SQS.set_queue_attributes(QueueUrl=Q["main"], Attributes={"VisibilityTimeout": "30",
                                                             "ReceiveMessageWaitTimeSeconds": "0"})
    expect(queue_attribute(Q["main"], "VisibilityTimeout"), "30", "VisibilityTimeout after set")
    err = error_code(SQS.set_queue_attributes, QueueUrl=Q["main"], Attributes={"NoSuchAttribute": "1"})
    expect_error(err, ClientError, "InvalidAttributeName", 400)
    err = error_code(SQS.get_queue_attributes, QueueUrl=Q["main"], AttributeNames=["NoSuchAttribute"])
    expect_error(err, SQS.exceptions.InvalidAttributeName, "InvalidAttributeName", 400)
    err = error_code(SQS.set_queue_attributes, QueueUrl=Q["main"], Attributes={"DelaySeconds": "901"})
    expect_error(err, ClientError, "InvalidAttributeValue", 400)


def send_message_with_attributes():
    body = "hello from boto3 — ünïcödé"
    sent = SQS.send_message(QueueUrl=Q["main"], MessageBody=body, MessageAttributes=ATTRIBUTES,
                            MessageSystemAttributes={"AWSTraceHeader": {
                                "DataType": "String", "StringValue": "Root=1-5759e988-bd862e3fe1be46a994272793"}})
    expect(sent["MD5OfMessageBody"], md5_hex(body), "MD5OfMessageBody")
    expect(sent["MD5OfMessageAttributes"], md5_of_message_attributes(ATTRIBUTES), "MD5OfMessageAttributes")
    expect(sent.get("MD5OfMessageSystemAttributes"),
           md5_of_message_attributes({"AWSTraceHeader": {"DataType": "String",
                                                         "StringValue": "Root=1-5759e988-bd862e3fe1be46a994272793"}}),
           "MD5OfMessageSystemAttributes")
    Q["sent_id"], Q["sent_body"] = sent["MessageId"], body


def receive_with_all_attributes():
    messages = receive(Q["main"], AttributeNames=["All"], MessageAttributeNames=["All"], MaxNumberOfMessages=10)
    expect(len(messages), 1, "messages received")
    m = messages[0]
    expect(m["MessageId"], Q["sent_id"], "MessageId")
    expect(m["Body"], Q["sent_body"], "Body")
    expect(m["MD5OfBody"], md5_hex(Q["sent_body"]), "MD5OfBody")
    expect(m["MessageAttributes"], ATTRIBUTES, "MessageAttributes")
    expect(m["MD5OfMessageAttributes"], md5_of_message_attributes(ATTRIBUTES), "MD5OfMessageAttributes")
    for name in ("SenderId", "SentTimestamp", "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp",
                 "AWSTraceHeader"):
        expect_true(name in m["Attributes"], f"system attribute {name} missing: {sorted(m['Attributes'])}")
    expect(m["Attributes"]["ApproximateReceiveCount"], "1", "ApproximateReceiveCount")
    expect(m["Attributes"]["SenderId"], "test", "SenderId (the access key id)")
    expect_true(abs(int(m["Attributes"]["SentTimestamp"]) - time.time() * 1000) < 120_000,
                f"SentTimestamp {m['Attributes']['SentTimestamp']} is not epoch milliseconds of now")
    Q["receipt"] = m["ReceiptHandle"]


def receive_selected_attributes():
    url = Q["main"]
    sent = SQS.send_message(QueueUrl=url, MessageBody="selected", MessageAttributes=ATTRIBUTES)
    messages = receive(url, MessageAttributeNames=["app.*", "blob"], AttributeNames=["SentTimestamp"])
    expect(len(messages), 1, "messages received")
    m = messages[0]
    wanted = {k: ATTRIBUTES[k] for k in ("app.color", "app.count", "blob")}
    expect(m["MessageAttributes"], wanted, "MessageAttributes selected by name and prefix")
    # The digest covers what the answer carries: the SDKs recompute it from the returned attributes.
    expect(m["MD5OfMessageAttributes"], md5_of_message_attributes(wanted), "MD5OfMessageAttributes of the selection")
    expect_true(sent["MD5OfMessageAttributes"] != m["MD5OfMessageAttributes"], "selection digest equals the full one")
    expect(sorted(m["Attributes"]), ["SentTimestamp"], "system attributes selected")
    SQS.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])


def delete_message():
    SQS.delete_message(QueueUrl=Q["main"], ReceiptHandle=Q["receipt"])
    attrs = SQS.get_queue_attributes(QueueUrl=Q["main"], AttributeNames=["All"])["Attributes"]
    expect((attrs["ApproximateNumberOfMessages"], attrs["ApproximateNumberOfMessagesNotVisible"]), ("0", "0"),
           "visible and in-flight counts after delete")


def delete_message_invalid_handle():
    err = error_code(SQS.delete_message, QueueUrl=Q["main"], ReceiptHandle="not-a-receipt-handle")
    expect_error(err, SQS.exceptions.ReceiptHandleIsInvalid, "ReceiptHandleIsInvalid")


def send_message_batch_with_failure():
    entries = [
        {"Id": "ok1", "MessageBody": "batch one", "MessageAttributes": {"n": {"DataType": "Number",
                                                                             "StringValue": "1"}}},
        {"Id": "ok2", "MessageBody": "batch two", "DelaySeconds": 0},
        {"Id": "bad", "MessageBody": "x" * 4096},  # over the queue's MaximumMessageSize of 2048
    ]
    result = SQS.send_message_batch(QueueUrl=Q["main"], Entries=entries)
    ok = {e["Id"]: e for e in result.get("Successful", [])}
    expect(sorted(ok), ["ok1", "ok2"], "successful ids")
    expect(ok["ok1"]["MD5OfMessageBody"], md5_hex("batch one"), "MD5OfMessageBody of ok1")
    expect(ok["ok1"]["MD5OfMessageAttributes"], md5_of_message_attributes(entries[0]["MessageAttributes"]),
           "MD5OfMessageAttributes of ok1")
    expect(ok["ok2"]["MD5OfMessageBody"], md5_hex("batch two"), "MD5OfMessageBody of ok2")
    failed = result.get("Failed", [])
    expect([f["Id"] for f in failed], ["bad"], "failed ids")
    expect(failed[0]["SenderFault"], True, "SenderFault")
    expect_true(failed[0].get("Code"), f"failed entry without a Code: {failed[0]}")


def send_message_batch_errors():
    err = error_code(SQS.send_message_batch, QueueUrl=Q["main"],
                     Entries=[{"Id": "same", "MessageBody": "a"}, {"Id": "same", "MessageBody": "b"}])
    expect_error(err, SQS.exceptions.BatchEntryIdsNotDistinct, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct")
    expect(err.response["Error"]["Message"], "Id same repeated.", "message")
    err = error_code(SQS.send_message_batch, QueueUrl=Q["main"],
                     Entries=[{"Id": f"e{i}", "MessageBody": "a"} for i in range(11)])
    expect_error(err, SQS.exceptions.TooManyEntriesInBatchRequest,
                 "AWS.SimpleQueueService.TooManyEntriesInBatchRequest")
    err = error_code(SQS.send_message_batch, QueueUrl=Q["main"], Entries=[{"Id": "bad id!", "MessageBody": "a"}])
    expect_error(err, SQS.exceptions.InvalidBatchEntryId, "AWS.SimpleQueueService.InvalidBatchEntryId", 400)
    expect(err.response["Error"]["Message"], "A batch entry id can only contain alphanumeric characters, hyphens "
           "and underscores. It can be at most 80 letters long.", "message")
    # The total is AWS's limit (1 MiB), checked before the queue's MaximumMessageSize (2048 here).
    err = error_code(SQS.send_message_batch, QueueUrl=Q["main"],
                     Entries=[{"Id": f"e{i}", "MessageBody": "x" * 262145} for i in range(4)])
    expect_error(err, SQS.exceptions.BatchRequestTooLong, "AWS.SimpleQueueService.BatchRequestTooLong", 400)
    expect(err.response["Error"]["Message"],
           "Batch requests cannot be longer than 1048576 bytes. You have sent 1048580 bytes.", "message")


def empty_lists():
    # botocore's Query serializer sends an empty list as `Name=` (e.g. `Entries=`, `AttributeNames=`).
    for call in (SQS.send_message_batch, SQS.delete_message_batch, SQS.change_message_visibility_batch):
        err = error_code(call, QueueUrl=Q["main"], Entries=[])
        expect_error(err, SQS.exceptions.EmptyBatchRequest, "AWS.SimpleQueueService.EmptyBatchRequest", 400)
    # On a queue of its own: a receive here must not hide the messages the later checks expect.
    empty = SQS.create_queue(QueueName=S.unique("empty-lists"))["QueueUrl"]
    receive(empty, AttributeNames=[], MessageAttributeNames=[])
    SQS.get_queue_attributes(QueueUrl=empty, AttributeNames=[])


def change_message_visibility():
    messages = receive(Q["main"], MaxNumberOfMessages=10, VisibilityTimeout=60,
                       AttributeNames=["ApproximateReceiveCount"])
    expect(sorted(m["Body"] for m in messages), ["batch one", "batch two"], "bodies received")
    expect(receive(Q["main"]), [], "messages visible while both are in flight")
    first = messages[0]
    SQS.change_message_visibility(QueueUrl=Q["main"], ReceiptHandle=first["ReceiptHandle"], VisibilityTimeout=0)
    again = receive(Q["main"], AttributeNames=["ApproximateReceiveCount"])
    expect([m["MessageId"] for m in again], [first["MessageId"]], "message visible again after timeout 0")
    expect(again[0]["Attributes"]["ApproximateReceiveCount"], "2", "ApproximateReceiveCount")
    Q["inflight"] = [again[0], messages[1]]
    err = error_code(SQS.change_message_visibility, QueueUrl=Q["main"], ReceiptHandle=first["ReceiptHandle"],
                     VisibilityTimeout=43201)
    expect_error(err, ClientError, "InvalidParameterValue", 400)


def change_message_visibility_batch():
    entries = [{"Id": f"m{i}", "ReceiptHandle": m["ReceiptHandle"], "VisibilityTimeout": 0}
               for i, m in enumerate(Q["inflight"])]
    entries.append({"Id": "bogus", "ReceiptHandle": "bogus-handle", "VisibilityTimeout": 0})
    result = SQS.change_message_visibility_batch(QueueUrl=Q["main"], Entries=entries)
    expect(sorted(e["Id"] for e in result.get("Successful", [])), ["m0", "m1"], "successful ids")
    failed = result.get("Failed", [])
    expect([(f["Id"], f["Code"], f["SenderFault"]) for f in failed], [("bogus", "ReceiptHandleIsInvalid", True)],
           "failed entries")


def delete_message_batch():
    messages = receive(Q["main"], MaxNumberOfMessages=10)
    expect(len(messages), 2, "messages visible again after the batch change")
    entries = [{"Id": f"d{i}", "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(messages)]
    entries.append({"Id": "bogus", "ReceiptHandle": "bogus-handle"})
    result = SQS.delete_message_batch(QueueUrl=Q["main"], Entries=entries)
    expect(sorted(e["Id"] for e in result.get("Successful", [])), ["d0", "d1"], "successful ids")
    expect([(f["Id"], f["Code"]) for f in result.get("Failed", [])], [("bogus", "ReceiptHandleIsInvalid")],
           "failed entries")
    expect(queue_attribute(Q["main"], "ApproximateNumberOfMessages"), "0", "messages left")


def long_poll_empty_queue():
    started = time.monotonic()
    messages = receive(Q["main"], WaitTimeSeconds=1)
    elapsed = time.monotonic() - started
    expect(messages, [], "messages from an empty queue")
    expect_true(0.9 <= elapsed < 10, f"long poll of 1 s took {elapsed:.2f} s")


def long_poll_wakes_on_send():
    import threading
    url = SQS.create_queue(QueueName=S.unique("poll"))["QueueUrl"]
    sender = threading.Timer(0.3, lambda: boto3.client(
        "sqs", endpoint_url=S.endpoint, region_name="us-east-1", aws_access_key_id="test",
        aws_secret_access_key="test").send_message(QueueUrl=url, MessageBody="wake"))
    started = time.monotonic()
    sender.start()
    try:
        messages = receive(url, WaitTimeSeconds=10)
    finally:
        sender.join()
    elapsed = time.monotonic() - started
    expect([m["Body"] for m in messages], ["wake"], "message received by the long poll")
    expect_true(elapsed < 8, f"long poll answered after {elapsed:.2f} s, not on arrival")


def special_characters_round_trip():
    # XML answers must escape \r (a parser turns a raw CR LF into LF), markup characters and ]]>.
    url = SQS.create_queue(QueueName=S.unique("chars"))["QueueUrl"]
    body = "a\r\nb\rc & <d> \"e\" 'f' \t ]]> \U0001F600 \ue000 end"
    attributes = {"k": {"DataType": "String", "StringValue": "v\r\n&<>\U0001F600"}}
    sent = SQS.send_message(QueueUrl=url, MessageBody=body, MessageAttributes=attributes)
    expect(sent["MD5OfMessageBody"], md5_hex(body), "MD5OfMessageBody")
    got = receive(url, MessageAttributeNames=["All"])
    expect((got[0]["Body"], got[0]["MessageAttributes"]), (body, attributes), "body and attributes received")
    expect(got[0]["MD5OfMessageAttributes"], md5_of_message_attributes(attributes), "MD5OfMessageAttributes")


def receive_out_of_range():
    err = error_code(SQS.receive_message, QueueUrl=Q["main"], MaxNumberOfMessages=11)
    expect_error(err, ClientError, "InvalidParameterValue", 400)


def purge_queue():
    SQS.send_message_batch(QueueUrl=Q["main"], Entries=[{"Id": f"p{i}", "MessageBody": "p"} for i in range(3)])
    expect(queue_attribute(Q["main"], "ApproximateNumberOfMessages"), "3", "messages before purge")
    SQS.purge_queue(QueueUrl=Q["main"])
    expect(queue_attribute(Q["main"], "ApproximateNumberOfMessages"), "0", "messages after purge")
    err = error_code(SQS.purge_queue, QueueUrl=Q["main"])
    expect_error(err, SQS.exceptions.PurgeQueueInProgress, "AWS.SimpleQueueService.PurgeQueueInProgress", 403)


def tags():
    expect(SQS.list_queue_tags(QueueUrl=Q["main"]).get("Tags"), {"team": "conformance", "env": "ci"},
           "tags from CreateQueue")
    SQS.tag_queue(QueueUrl=Q["main"], Tags={"owner": "me", "env": "prod"})
    expect(SQS.list_queue_tags(QueueUrl=Q["main"]).get("Tags"), {"team": "conformance", "env": "prod",
                                                                 "owner": "me"}, "tags after TagQueue")
    SQS.untag_queue(QueueUrl=Q["main"], TagKeys=["team", "owner"])
    expect(SQS.list_queue_tags(QueueUrl=Q["main"]).get("Tags"), {"env": "prod"}, "tags after UntagQueue")
    err = error_code(SQS.tag_queue, QueueUrl=Q["main"], Tags={f"k{i}": "v" for i in range(50)})
    expect_error(err, ClientError, "InvalidParameterValue", 400)
    expect(err.response["Error"]["Message"], f"Too many tags added for queue {S.unique('main')}.", "message")
    err = error_code(SQS.tag_queue, QueueUrl=Q["main"], Tags={"k" * 129: "v"})
    expect(err.response["Error"]["Message"], "Tag keys must be between 1 and 128 characters in length.", "message")
    err = error_code(SQS.tag_queue, QueueUrl=Q["main"], Tags={"aws:team": "v"})
    expect_error(err, ClientError, "InvalidParameterValue", 400)
    err = error_code(SQS.untag_queue, QueueUrl=Q["main"], TagKeys=[])
    expect(err.response["Error"]["Message"], "Tag keys must be between 1 and 128 characters in length.", "message")
    expect(SQS.list_queue_tags(QueueUrl=Q["main"]).get("Tags"), {"env": "prod"}, "tags after refused changes")


def permissions():
    SQS.add_permission(QueueUrl=Q["main"], Label="conformance", AWSAccountIds=["111122223333"],
                       Actions=["SendMessage", "ReceiveMessage"])
    policy = json.loads(queue_attribute(Q["main"], "Policy"))
    arn = queue_attribute(Q["main"], "QueueArn")
    expect(policy, {"Version": "2012-10-17", "Id": f"{arn}/SQSDefaultPolicy", "Statement": [
        {"Sid": "conformance", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
         "Action": ["SQS:SendMessage", "SQS:ReceiveMessage"], "Resource": arn}]}, "policy AddPermission wrote")
    err = error_code(SQS.add_permission, QueueUrl=Q["main"], Label="conformance", AWSAccountIds=["111122223333"],
                     Actions=["SendMessage"])
    expect_error(err, ClientError, "InvalidParameterValue", 400)
    expect(err.response["Error"]["Message"], "Value conformance for parameter Label is invalid. Reason: Already "
           "exists.", "message")
    err = error_code(SQS.add_permission, QueueUrl=Q["main"], Label="other", AWSAccountIds=["111122223333"],
                     Actions=["SendMessage"] * 8)
    expect_error(err, SQS.exceptions.OverLimit, "OverLimit", 403)
    err = error_code(SQS.add_permission, QueueUrl=Q["main"], Label="other", AWSAccountIds=["111122223333"],
                     Actions=["DeleteQueue"])
    expect(err.response["Error"]["Message"], "Value SQS:DeleteQueue for parameter ActionName is invalid. Reason: "
           "Only the queue owner is allowed to invoke this action.", "message")
    SQS.remove_permission(QueueUrl=Q["main"], Label="conformance")
    attrs = SQS.get_queue_attributes(QueueUrl=Q["main"], AttributeNames=["Policy"]).get("Attributes", {})
    expect(attrs.get("Policy"), None, "Policy after the last RemovePermission")
    err = error_code(SQS.remove_permission, QueueUrl=Q["main"], Label="conformance")
    expect(err.response["Error"]["Message"], "Value conformance for parameter Label is invalid. Reason: can't find "
           "label on existing policy.", "message")


def dead_letter_queue():
    dlq = SQS.create_queue(QueueName=S.unique("dlq"))["QueueUrl"]
    dlq_arn = queue_attribute(dlq, "QueueArn")
    source = SQS.create_queue(QueueName=S.unique("source"), Attributes={
        "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 2})})["QueueUrl"]
    policy = json.loads(queue_attribute(source, "RedrivePolicy"))
    expect((policy["deadLetterTargetArn"], int(policy["maxReceiveCount"])), (dlq_arn, 2), "RedrivePolicy")
    sent = SQS.send_message(QueueUrl=source, MessageBody="poison")["MessageId"]
    counts = []
    for _ in range(2):
        got = receive(source, VisibilityTimeout=0, AttributeNames=["ApproximateReceiveCount"])
        expect([m["MessageId"] for m in got], [sent], "message received from the source")
        counts.append(got[0]["Attributes"]["ApproximateReceiveCount"])
    expect(counts, ["1", "2"], "receive counts")
    expect(receive(source, VisibilityTimeout=0), [], "third receive from the source (message moved)")
    moved = receive(dlq, AttributeNames=["All"])
    expect([m["MessageId"] for m in moved], [sent], "message in the DLQ")
    expect(moved[0]["Body"], "poison", "body in the DLQ")
    Q["dlq"], Q["source"] = dlq, source


def list_dead_letter_source_queues():
    expect(SQS.list_dead_letter_source_queues(QueueUrl=Q["dlq"])["queueUrls"], [Q["source"]], "queueUrls")
    page = SQS.list_dead_letter_source_queues(QueueUrl=Q["dlq"], MaxResults=1)
    expect(page["queueUrls"], [Q["source"]], "queueUrls with MaxResults")
    expect(SQS.list_dead_letter_source_queues(QueueUrl=Q["main"]).get("queueUrls", []), [],
           "queueUrls of a queue that is no DLQ")


def redrive_policy_invalid():
    err = error_code(SQS.set_queue_attributes, QueueUrl=Q["main"], Attributes={"RedrivePolicy": json.dumps(
        {"deadLetterTargetArn": f"arn:aws:sqs:us-east-1:{ACCOUNT}:{S.unique('missing')}", "maxReceiveCount": 2})})
    expect_error(err, ClientError, "InvalidParameterValue", 400)


def fifo_order_and_deduplication():
    url = Q["fifo"]
    ids = []
    for i, body in enumerate(["first", "second", "third"]):
        sent = SQS.send_message(QueueUrl=url, MessageBody=body, MessageGroupId="g1",
                                MessageDeduplicationId=f"d{i}")
        expect_true(len(sent["SequenceNumber"]) == 20 and sent["SequenceNumber"].isdigit(),
                    f"SequenceNumber {sent['SequenceNumber']!r} is not 20 digits")
        ids.append(sent)
    dup = SQS.send_message(QueueUrl=url, MessageBody="first again", MessageGroupId="g1", MessageDeduplicationId="d0")
    expect(dup["MessageId"], ids[0]["MessageId"], "MessageId of a deduplicated send")
    expect_true(int(ids[0]["SequenceNumber"]) < int(ids[1]["SequenceNumber"]) < int(ids[2]["SequenceNumber"]),
                "sequence numbers increase")
    messages = receive(url, MaxNumberOfMessages=10, AttributeNames=["All"])
    expect([m["Body"] for m in messages], ["first", "second", "third"], "bodies in order")
    a = messages[0]["Attributes"]
    expect((a["MessageGroupId"], a["MessageDeduplicationId"], a["SequenceNumber"]),
           ("g1", "d0", ids[0]["SequenceNumber"]), "FIFO system attributes")
    expect(receive(url), [], "messages while group g1 is in flight")
    SQS.delete_message_batch(QueueUrl=url, Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]}
                                                    for i, m in enumerate(messages)])


def fifo_content_based_deduplication():
    url = Q["fifo_cbd"]
    first = SQS.send_message(QueueUrl=url, MessageBody="same body", MessageGroupId="g")
    second = SQS.send_message(QueueUrl=url, MessageBody="same body", MessageGroupId="g")
    expect(second["MessageId"], first["MessageId"], "MessageId of a content-deduplicated send")
    batch = SQS.send_message_batch(QueueUrl=url, Entries=[
        {"Id": "a", "MessageBody": "batch a", "MessageGroupId": "g"},
        {"Id": "b", "MessageBody": "batch b", "MessageGroupId": "h"}])
    expect(sorted(e["Id"] for e in batch["Successful"]), ["a", "b"], "FIFO batch ids")
    expect_true(all(len(e.get("SequenceNumber", "")) == 20 for e in batch["Successful"]),
                f"FIFO batch entries without 20-digit SequenceNumber: {batch['Successful']}")
    messages = receive(url, MaxNumberOfMessages=10, AttributeNames=["MessageGroupId"])
    expect(sorted(m["Body"] for m in messages), ["batch a", "batch b", "same body"], "bodies")
    expect([m["Body"] for m in messages if m["Attributes"]["MessageGroupId"] == "g"], ["same body", "batch a"],
           "order within group g")


def fifo_errors():
    err = error_code(SQS.send_message, QueueUrl=Q["fifo"], MessageBody="no group")
    expect_error(err, ClientError, "MissingParameter", 400)
    err = error_code(SQS.send_message, QueueUrl=Q["fifo"], MessageBody="no dedup", MessageGroupId="g")
    expect_error(err, ClientError, "InvalidParameterValue", 400)
    err = error_code(SQS.send_message, QueueUrl=Q["fifo"], MessageBody="delayed", MessageGroupId="g",
                     MessageDeduplicationId="x", DelaySeconds=5)
    expect_error(err, ClientError, "InvalidParameterValue", 400)
    expect(err.response["Error"]["Message"], "Value 5 for parameter DelaySeconds is invalid. Reason: The request "
           "include parameter that is not valid for this queue type.", "message")


def message_errors():
    err = error_code(SQS.send_message, QueueUrl=Q["main"], MessageBody="bad \u0000 character")
    expect_error(err, SQS.exceptions.InvalidMessageContents, "InvalidMessageContents", 400)
    err = error_code(SQS.send_message, QueueUrl=Q["main"], MessageBody="x" * 4096)
    expect_error(err, ClientError, "InvalidParameterValue", 400)
    missing = Q["main"].rsplit("/", 1)[0] + "/" + S.unique("missing")
    err = error_code(SQS.send_message, QueueUrl=missing, MessageBody="x")
    expect_error(err, SQS.exceptions.QueueDoesNotExist, "AWS.SimpleQueueService.NonExistentQueue", 400)


def delete_queue():
    url = SQS.create_queue(QueueName=S.unique("doomed"))["QueueUrl"]
    SQS.delete_queue(QueueUrl=url)
    err = error_code(SQS.get_queue_url, QueueName=S.unique("doomed"))
    expect_error(err, SQS.exceptions.QueueDoesNotExist, "AWS.SimpleQueueService.NonExistentQueue")
    err = error_code(SQS.create_queue, QueueName=S.unique("doomed"))
    expect_error(err, SQS.exceptions.QueueDeletedRecently, "AWS.SimpleQueueService.QueueDeletedRecently")


def regions_are_separate():
    west = boto3.client("sqs", endpoint_url=S.endpoint, region_name="eu-west-1", aws_access_key_id="test",
                        aws_secret_access_key="test")
    url = west.create_queue(QueueName=S.unique("west"))["QueueUrl"]
    arn = west.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    expect(arn.split(":")[3], "eu-west-1", "region in the QueueArn")
    err = error_code(SQS.get_queue_url, QueueName=S.unique("west"))
    expect_error(err, SQS.exceptions.QueueDoesNotExist, "AWS.SimpleQueueService.NonExistentQueue")


def wire_format():
    """Every Query answer: text/xml, an x-amzn-RequestId equal to the body's RequestId, and as root
    <OperationResponse> or <ErrorResponse> in SQS's namespace."""
    import xml.etree.ElementTree as ET
    ns = "{http://queue.amazonaws.com/doc/2012-11-05/}"
    expect_true(len(WIRE) > 50, f"only {len(WIRE)} answers recorded")
    problems = []
    for op, status, headers, body in WIRE:
        lower = {k.lower(): v for k, v in headers.items()}
        root = ET.fromstring(body)
        if status == 200:
            expected_root = f"{ns}{op}Response"
            request_id = root.findtext(f"{ns}ResponseMetadata/{ns}RequestId")
        else:
            expected_root = f"{ns}ErrorResponse"
            request_id = root.findtext(f"{ns}RequestId")
            if root.findtext(f"{ns}Error/{ns}Type") not in ("Sender", "Receiver") or not root.findtext(
                    f"{ns}Error/{ns}Code"):
                problems.append(f"{op}: error without Type/Code: {body[:200]!r}")
        if root.tag != expected_root:
            problems.append(f"{op} {status}: root {root.tag}, expected {expected_root}")
        if not lower.get("content-type", "").startswith("text/xml"):
            problems.append(f"{op}: content-type {lower.get('content-type')!r}")
        if not request_id or lower.get("x-amzn-requestid") != request_id:
            problems.append(f"{op}: x-amzn-RequestId {lower.get('x-amzn-requestid')!r} vs body {request_id!r}")
    expect(problems[:5], [], f"wire problems in {len(WIRE)} answers")


def run():
    checks = [create_queue, create_queue_is_idempotent, create_queue_with_other_attributes, create_fifo_queue,
              create_queue_bad_names, create_queue_bad_attribute, get_queue_url, get_queue_url_missing,
              list_queues_prefix_and_pagination, get_queue_attributes, set_queue_attributes,
              send_message_with_attributes, receive_with_all_attributes, receive_selected_attributes,
              delete_message, delete_message_invalid_handle, send_message_batch_with_failure,
              send_message_batch_errors, empty_lists, change_message_visibility, change_message_visibility_batch,
              delete_message_batch, long_poll_empty_queue, long_poll_wakes_on_send, special_characters_round_trip,
              receive_out_of_range, purge_queue, tags, permissions, dead_letter_queue, list_dead_letter_source_queues,
              redrive_policy_invalid, fifo_order_and_deduplication, fifo_content_based_deduplication, fifo_errors,
              message_errors, delete_queue, regions_are_separate, wire_format]
    for check in checks:
        S.check(check.__name__, check)
    if "StartMessageMoveTask" not in SQS.meta.service_model.operation_names:
        S.skip("message_move_tasks", f"botocore {__import__('botocore').__version__}'s SQS model has no "
                                     "StartMessageMoveTask/ListMessageMoveTasks/CancelMessageMoveTask")
    return S.failed


if __name__ == "__main__":
    main_guard(run)
