#!/usr/bin/python3
"""CloudFormation through Debian's AWS CLI v2 (/usr/bin/aws): `aws cloudformation deploy` of a SAM template
(a queue with its dead-letter queue, a table, a bucket), deployed again without changes, then `delete-stack`
leaving nothing behind; a stack whose resource SQS refuses rolls back; and a SAM Java function whose jar is
in our S3, fed by its queue's SQS event (HTTP APIs: cloudformation_http_cli.py). The CLI drives; what it made
is read back with boto3 (one CLI call costs seconds on a busy machine)."""
import json
import os
import subprocess
import sys
import tempfile
import time

import boto3

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import CliError, Suite, aws, expect, expect_true, main_guard  # noqa: E402

S = Suite("cloudformation_cli")


def client(service):
    return boto3.client(service, endpoint_url=S.endpoint, region_name="us-east-1", aws_access_key_id="test",
                        aws_secret_access_key="test")
R = {}
TMP = tempfile.mkdtemp(prefix="simstack-cloudformation-")

APP = """AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: orders app
Resources:
  Dlq:
    Type: AWS::SQS::Queue
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: %(prefix)s-orders
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Dlq.Arn
        maxReceiveCount: 3
  Table:
    Type: AWS::Serverless::SimpleTable
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: %(prefix)s-receipts
Outputs:
  OrdersUrl:
    Value: !Ref Orders
    Export:
      Name: %(prefix)s-orders-url
"""

FAILING = """Resources:
  Good:
    Type: AWS::SQS::Queue
  Bad:
    Type: AWS::SQS::Queue
    DependsOn: Good
    Properties:
      VisibilityTimeout: 99999
"""

# A POJO handler (`Class::method`) that records each SQS event's body in a table, through no SDK: it only
# counts, so the check reads the function's invocations back from the queue draining.
WORKER = """package example;
import java.util.List;
import java.util.Map;
public class Worker {
    public String handle(Map<String, List<Map<String, Object>>> event) { return "ok " + event.get("Records").size(); }
}
"""

FUNCTION_APP = """Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: %(prefix)s-jobs
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: %(prefix)s-worker
      Runtime: java17
      Handler: example.Worker::handle
      CodeUri: s3://%(bucket)s/worker.jar
      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
            BatchSize: 1
"""

def unique(base):
    """A name CloudFormation and S3 both take (letters, digits, hyphens; lower case), unique per run."""
    return f"{base}-{S.unique('x').rsplit('-', 1)[1][-10:]}"


def cfn(*args):
    return aws(S.endpoint, "cloudformation", *args)


def write(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def stack_status(name):
    return client("cloudformation").describe_stacks(StackName=name)["Stacks"][0]["StackStatus"]


def queue_names():
    urls = client("sqs").list_queues().get("QueueUrls", [])
    return [url.rsplit("/", 1)[1] for url in urls]


def table_names():
    return client("dynamodb").list_tables()["TableNames"]


def deploy_sam_template():
    prefix = unique("shop")
    R["prefix"], R["stack"] = prefix, prefix + "-app"
    R["template"] = write("app.yaml", APP % {"prefix": prefix})
    aws(S.endpoint, "cloudformation", "deploy", "--template-file", R["template"], "--stack-name", R["stack"],
        expect_json=False)
    expect(stack_status(R["stack"]), "CREATE_COMPLETE", "StackStatus")
    resources = {r["LogicalResourceId"]: r for r in
                 client("cloudformation").describe_stack_resources(StackName=R["stack"])["StackResources"]}
    expect(sorted(resources), ["Bucket", "Dlq", "Orders", "Table"], "resources")
    expect(resources["Table"]["ResourceType"], "AWS::DynamoDB::Table", "the SimpleTable's processed type")
    R["table"], R["dlq"] = resources["Table"]["PhysicalResourceId"], resources["Dlq"]["PhysicalResourceId"]
    orders = resources["Orders"]["PhysicalResourceId"]
    policy = client("sqs").get_queue_attributes(QueueUrl=orders, AttributeNames=["RedrivePolicy"])[
        "Attributes"]["RedrivePolicy"]
    expect_true(R["dlq"].rsplit("/", 1)[1] in policy, f"RedrivePolicy {policy} names the DLQ")
    exports = {e["Name"]: e["Value"] for e in client("cloudformation").list_exports()["Exports"]}
    expect(exports.get(prefix + "-orders-url"), orders, "the exported queue URL")
    expect_true(R["table"] in table_names(), "the table exists")


def deploy_without_changes():
    out = aws(S.endpoint, "cloudformation", "deploy", "--template-file", R["template"], "--stack-name", R["stack"],
              "--no-fail-on-empty-changeset", expect_json=False)
    expect_true("No changes to deploy" in out, f"deploy's answer: {out}")
    try:
        aws(S.endpoint, "cloudformation", "deploy", "--template-file", R["template"], "--stack-name", R["stack"],
            "--fail-on-empty-changeset", expect_json=False)
        raise AssertionError("deploy without changes should fail with --fail-on-empty-changeset")
    except CliError as e:
        expect_true("No changes to deploy" in str(e), f"deploy's error: {e}")


def delete_stack_leaves_nothing():
    cfn("delete-stack", "--stack-name", R["stack"])
    aws(S.endpoint, "cloudformation", "wait", "stack-delete-complete", "--stack-name", R["stack"], expect_json=False)
    names = queue_names()
    expect_true(R["prefix"] + "-orders" not in names and R["dlq"].rsplit("/", 1)[1] not in names,
                f"queues left: {names}")
    expect_true(R["table"] not in table_names(), "the table is gone")
    buckets = [b["Name"] for b in client("s3").list_buckets()["Buckets"]]
    expect_true(R["prefix"] + "-receipts" not in buckets, f"buckets left: {buckets}")
    deleted = client("cloudformation").list_stacks(StackStatusFilter=["DELETE_COMPLETE"])["StackSummaries"]
    expect_true(any(s["StackName"] == R["stack"] for s in deleted), "the stack is listed as DELETE_COMPLETE")


def failing_resource_rolls_back():
    name = unique("broken")
    cfn("create-stack", "--stack-name", name, "--template-body", "file://" + write("failing.yaml", FAILING))
    try:
        aws(S.endpoint, "cloudformation", "wait", "stack-create-complete", "--stack-name", name, expect_json=False)
        raise AssertionError("the waiter should fail on a rolled back stack")
    except CliError:
        pass
    expect(stack_status(name), "ROLLBACK_COMPLETE", "StackStatus")
    events = [(e["LogicalResourceId"], e["ResourceStatus"]) for e in
              client("cloudformation").describe_stack_events(StackName=name)["StackEvents"]]
    expect(events[0], (name, "ROLLBACK_COMPLETE"), "the newest event")
    expect_true(("Bad", "CREATE_FAILED") in events and ("Good", "DELETE_COMPLETE") in events, f"events {events}")
    client("cloudformation").delete_stack(StackName=name)


def build_worker_jar():
    root = os.path.join(TMP, "worker")
    os.makedirs(os.path.join(root, "src", "example"))
    source = os.path.join(root, "src", "example", "Worker.java")
    with open(source, "w") as f:
        f.write(WORKER)
    subprocess.run(["javac", "--release", "17", "-d", os.path.join(root, "classes"), source], check=True,
                   capture_output=True, timeout=120)
    jar = os.path.join(TMP, "worker.jar")
    subprocess.run(["jar", "--create", "--file", jar, "-C", os.path.join(root, "classes"), "."], check=True,
                   capture_output=True, timeout=60)
    return jar


def sam_java_function_from_s3_with_its_sqs_event():
    prefix = unique("jobs")
    bucket = prefix + "-artifacts"
    s3 = client("s3")
    s3.create_bucket(Bucket=bucket)
    with open(build_worker_jar(), "rb") as jar:
        s3.put_object(Bucket=bucket, Key="worker.jar", Body=jar.read())
    name = prefix + "-stack"
    aws(S.endpoint, "cloudformation", "deploy", "--template-file",
        write("function.yaml", FUNCTION_APP % {"prefix": prefix, "bucket": bucket}), "--stack-name", name,
        "--capabilities", "CAPABILITY_IAM", expect_json=False)
    expect(stack_status(name), "CREATE_COMPLETE", "StackStatus")
    sqs = client("sqs")
    queue = sqs.get_queue_url(QueueName=prefix + "-jobs")["QueueUrl"]
    sqs.send_message(QueueUrl=queue, MessageBody="job-1")
    for _ in range(100):  # the mapping's poller drains the queue once the function succeeds
        attributes = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=[
            "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"])["Attributes"]
        if attributes == {"ApproximateNumberOfMessages": "0", "ApproximateNumberOfMessagesNotVisible": "0"}:
            break
        time.sleep(0.2)
    expect(attributes, {"ApproximateNumberOfMessages": "0", "ApproximateNumberOfMessagesNotVisible": "0"},
           "the queue after the function took its message")
    cfn("delete-stack", "--stack-name", name)
    functions = [f["FunctionName"] for f in client("lambda").list_functions()["Functions"]]
    expect_true(prefix + "-worker" not in functions, f"functions left: {functions}")


def run():
    S.check("deploy_sam_template", deploy_sam_template)
    if "stack" in R and not S.failed:
        S.check("deploy_without_changes", deploy_without_changes)
        S.check("delete_stack_leaves_nothing", delete_stack_leaves_nothing)
    S.check("failing_resource_rolls_back", failing_resource_rolls_back)
    S.check("sam_java_function_from_s3_with_its_sqs_event", sam_java_function_from_s3_with_its_sqs_event)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
