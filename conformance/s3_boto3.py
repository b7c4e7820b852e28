#!/usr/bin/python3
"""S3 fidelity through Debian's boto3 1.26 (botocore 1.29, REST-XML) against a running SimStack launcher: the
location-constraint rules, tagging rules, Object Lock, lifecycle configuration, bucket default encryption,
Object Ownership and ACLs, bucket logging, SSE-C, SelectObjectContent (boto3 reads the event stream) and bucket
replication, with AWS's error codes, statuses and messages."""
import datetime
import gzip
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import Suite, expect, expect_true, main_guard  # noqa: E402

import boto3  # noqa: E402
from botocore.config import Config  # noqa: E402
from botocore.exceptions import ClientError  # noqa: E402

S = Suite("s3_boto3")


def client(region):
    return boto3.client("s3", endpoint_url=S.endpoint, region_name=region, aws_access_key_id="test",
                        aws_secret_access_key="test",
                        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1, "mode": "standard"},
                                      read_timeout=30, connect_timeout=5))


S3 = client("us-east-1")
IRELAND = client("eu-west-1")
B = {}
MALFORMED = "The XML you provided was not well-formed or did not validate against our published schema"
PROTECTED = "Access Denied because object protected by object lock."


def name(base):
    return S.unique(base).lower().replace("_", "-")


def expect_error(call, status, code, message, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        got = (e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"],
               e.response["Error"].get("Message"))
        expect(got, (status, code, message), "error")
        return
    raise AssertionError("the call succeeded; an error was expected")


def location_constraints():
    expect_error(IRELAND.create_bucket, 400, "IllegalLocationConstraintException", "The unspecified location"
                 " constraint is incompatible for the region specific endpoint this request was sent to.",
                 Bucket=name("loc-none"))
    expect_error(IRELAND.create_bucket, 400, "IllegalLocationConstraintException", "The us-west-2 location"
                 " constraint is incompatible for the region specific endpoint this request was sent to.",
                 Bucket=name("loc-other"), CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    expect_error(S3.create_bucket, 400, "InvalidLocationConstraint", "The specified location-constraint is not valid",
                 Bucket=name("loc-east"), CreateBucketConfiguration={"LocationConstraint": "us-east-1"})
    eu = name("loc-eu")
    IRELAND.create_bucket(Bucket=eu, CreateBucketConfiguration={"LocationConstraint": "EU"})
    expect(S3.get_bucket_location(Bucket=eu).get("LocationConstraint"), "EU", "EU answered back")
    expect_error(IRELAND.create_bucket, 409, "BucketAlreadyOwnedByYou", "Your previous request to create the named"
                 " bucket succeeded and you already own it.", Bucket=eu,
                 CreateBucketConfiguration={"LocationConstraint": "EU"})
    plain = name("loc-plain")
    S3.create_bucket(Bucket=plain)
    S3.create_bucket(Bucket=plain)  # us-east-1 answers 200 for legacy compatibility
    expect(S3.get_bucket_location(Bucket=plain).get("LocationConstraint"), None, "us-east-1's empty constraint")
    B["plain"] = plain


def tagging_rules():
    bucket = B["plain"]
    S3.put_object(Bucket=bucket, Key="t", Body=b"x")
    tags = [{"Key": f"k{i}", "Value": "v"} for i in range(11)]
    expect_error(S3.put_object_tagging, 400, "BadRequest", "Object tags cannot be greater than 10", Bucket=bucket,
                 Key="t", Tagging={"TagSet": tags})
    expect_error(S3.put_object_tagging, 400, "InvalidTag", "Your TagKey cannot be prefixed with aws:", Bucket=bucket,
                 Key="t", Tagging={"TagSet": [{"Key": "aws:x", "Value": "v"}]})
    expect_error(S3.put_bucket_tagging, 400, "InvalidTag", "System tags cannot be added/updated by requester",
                 Bucket=bucket, Tagging={"TagSet": [{"Key": "aws:x", "Value": "v"}]})
    expect_error(S3.put_object_tagging, 400, "InvalidTag", "The TagKey you have provided is invalid", Bucket=bucket,
                 Key="t", Tagging={"TagSet": [{"Key": "k" * 129, "Value": "v"}]})
    S3.put_object(Bucket=bucket, Key="h", Body=b"x", Tagging="a=1&b=2")
    expect(S3.get_object(Bucket=bucket, Key="h").get("TagCount"), 2, "x-amz-tagging-count")


def object_lock():
    vault = name("vault")
    S3.create_bucket(Bucket=vault, ObjectLockEnabledForBucket=True)
    expect(S3.get_bucket_versioning(Bucket=vault).get("Status"), "Enabled", "versioning with Object Lock")
    S3.put_object_lock_configuration(Bucket=vault, ObjectLockConfiguration={
        "ObjectLockEnabled": "Enabled", "Rule": {"DefaultRetention": {"Mode": "GOVERNANCE", "Days": 1}}})
    version = S3.put_object(Bucket=vault, Key="doc", Body=b"x")["VersionId"]
    head = S3.head_object(Bucket=vault, Key="doc")
    expect(head.get("ObjectLockMode"), "GOVERNANCE", "default retention's mode")
    expect_error(S3.delete_object, 403, "AccessDenied", PROTECTED, Bucket=vault, Key="doc", VersionId=version)
    S3.delete_object(Bucket=vault, Key="doc", VersionId=version, BypassGovernanceRetention=True)
    version = S3.put_object(Bucket=vault, Key="held", Body=b"x")["VersionId"]
    S3.put_object_legal_hold(Bucket=vault, Key="held", LegalHold={"Status": "ON"})
    expect_error(S3.delete_object, 403, "AccessDenied", PROTECTED, Bucket=vault, Key="held", VersionId=version,
                 BypassGovernanceRetention=True)
    S3.put_object_legal_hold(Bucket=vault, Key="held", LegalHold={"Status": "OFF"})
    until = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)
    S3.put_object_retention(Bucket=vault, Key="held", VersionId=version, BypassGovernanceRetention=True,
                            Retention={"Mode": "COMPLIANCE", "RetainUntilDate": until})
    expect(S3.get_object_retention(Bucket=vault, Key="held")["Retention"]["Mode"], "COMPLIANCE", "retention mode")
    expect_error(S3.get_object_retention, 400, "InvalidRequest", "Bucket is missing Object Lock Configuration",
                 Bucket=B["plain"], Key="t")


def lifecycle():
    bucket = B["plain"]
    expect_error(S3.get_bucket_lifecycle_configuration, 404, "NoSuchLifecycleConfiguration",
                 "The lifecycle configuration does not exist", Bucket=bucket)
    expect_error(S3.put_bucket_lifecycle_configuration, 400, "InvalidArgument",
                 "'Days' for Expiration action must be a positive integer", Bucket=bucket, LifecycleConfiguration={
                     "Rules": [{"ID": "r", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Days": 0}}]})
    expect_error(S3.put_bucket_lifecycle_configuration, 400, "MalformedXML", MALFORMED, Bucket=bucket,
                 LifecycleConfiguration={"Rules": [{"ID": "r", "Status": "On", "Filter": {"Prefix": ""},
                                                    "Expiration": {"Days": 1}}]})
    S3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": [
        {"ID": "logs", "Status": "Enabled", "Filter": {"Prefix": "logs/"}, "Expiration": {"Days": 30}}]})
    rules = S3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]
    expect([(r["ID"], r["Expiration"]["Days"]) for r in rules], [("logs", 30)], "rules answered back")
    put = S3.put_object(Bucket=bucket, Key="logs/a", Body=b"x")
    expect_true('rule-id="logs"' in put.get("Expiration", ""), f"x-amz-expiration on PUT: {put.get('Expiration')}")
    expect_true('rule-id="logs"' in S3.head_object(Bucket=bucket, Key="logs/a").get("Expiration", ""),
                "x-amz-expiration on HEAD")
    S3.delete_bucket_lifecycle(Bucket=bucket)


def default_encryption():
    bucket = B["plain"]
    rule = S3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"][0]
    expect(rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"], "AES256", "SSE-S3 by default")
    S3.put_bucket_encryption(Bucket=bucket, ServerSideEncryptionConfiguration={"Rules": [{
        "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "alias/app"}}]})
    put = S3.put_object(Bucket=bucket, Key="sealed", Body=b"x")
    expect((put.get("ServerSideEncryption"), put.get("SSEKMSKeyId")),
           ("aws:kms", "arn:aws:kms:us-east-1:000000000000:alias/app"), "default encryption applied")
    S3.delete_bucket_encryption(Bucket=bucket)
    expect(S3.put_object(Bucket=bucket, Key="plain", Body=b"x").get("ServerSideEncryption"), "AES256",
           "SSE-S3 after DeleteBucketEncryption")


def ownership_and_acls():
    enforced = name("acl-enforced")
    S3.create_bucket(Bucket=enforced)
    rules = S3.get_bucket_ownership_controls(Bucket=enforced)["OwnershipControls"]["Rules"]
    expect(rules, [{"ObjectOwnership": "BucketOwnerEnforced"}], "a new bucket is BucketOwnerEnforced")
    expect_error(S3.put_bucket_acl, 400, "AccessControlListNotSupported", "The bucket does not allow ACLs",
                 Bucket=enforced, ACL="public-read")
    writer = name("acl-writer")
    S3.create_bucket(Bucket=writer, ObjectOwnership="ObjectWriter")
    S3.put_object(Bucket=writer, Key="k", Body=b"x", ACL="public-read")
    grants = S3.get_object_acl(Bucket=writer, Key="k")["Grants"]
    expect([(g["Grantee"]["Type"], g["Permission"]) for g in grants],
           [("CanonicalUser", "FULL_CONTROL"), ("Group", "READ")], "public-read answered")
    expect_error(S3.put_bucket_acl, 400, "InvalidRequest", "Specifying both Canned ACLs and Header Grants is not"
                 " allowed", Bucket=writer, ACL="private", GrantRead="uri=http://acs.amazonaws.com/groups/global/AllUsers")
    S3.delete_bucket_ownership_controls(Bucket=enforced)
    expect_error(S3.get_bucket_ownership_controls, 404, "OwnershipControlsNotFoundError",
                 "The bucket ownership controls were not found", Bucket=enforced)


def logging():
    bucket, logs = name("logged"), name("logs")
    S3.create_bucket(Bucket=bucket)
    S3.create_bucket(Bucket=logs)
    expect_error(S3.put_bucket_logging, 400, "InvalidTargetBucketForLogging", "The target bucket for logging does"
                 " not exist", Bucket=bucket, BucketLoggingStatus={"LoggingEnabled": {
                     "TargetBucket": name("nowhere"), "TargetPrefix": ""}})
    S3.put_bucket_logging(Bucket=bucket, BucketLoggingStatus={"LoggingEnabled": {"TargetBucket": logs,
                                                                                "TargetPrefix": "a/"}})
    expect(S3.get_bucket_logging(Bucket=bucket)["LoggingEnabled"], {"TargetBucket": logs, "TargetPrefix": "a/"},
           "logging answered")
    S3.put_bucket_logging(Bucket=bucket, BucketLoggingStatus={})
    expect(S3.get_bucket_logging(Bucket=bucket).get("LoggingEnabled"), None, "logging off")


def customer_keys():
    bucket = name("sse-c")
    S3.create_bucket(Bucket=bucket)
    key, other = b"k" * 32, b"o" * 32
    put = S3.put_object(Bucket=bucket, Key="secret", Body=b"hidden", SSECustomerAlgorithm="AES256", SSECustomerKey=key)
    expect(put.get("SSECustomerAlgorithm"), "AES256", "SSE-C echoed on PUT")
    got = S3.get_object(Bucket=bucket, Key="secret", SSECustomerAlgorithm="AES256", SSECustomerKey=key)
    expect(got["Body"].read(), b"hidden", "read with the key")
    expect_error(S3.get_object, 400, "InvalidRequest", "The object was stored using a form of Server Side Encryption."
                 " The correct parameters must be provided to retrieve the object.", Bucket=bucket, Key="secret")
    expect_error(S3.get_object, 403, "AccessDenied", "Requests specifying Server Side Encryption with Customer"
                 " provided keys must provide the correct secret key.", Bucket=bucket, Key="secret",
                 SSECustomerAlgorithm="AES256", SSECustomerKey=other)
    expect_error(S3.put_object, 400, "InvalidArgument", "The secret key was invalid for the specified algorithm.",
                 Bucket=bucket, Key="short", Body=b"x", SSECustomerAlgorithm="AES256", SSECustomerKey=b"short")


def select(bucket, key, sql, input_serialization, output_serialization, **kwargs):
    """The records' text and the event names of a SelectObjectContent answer, as boto3 decodes the stream."""
    answer = S3.select_object_content(Bucket=bucket, Key=key, Expression=sql, ExpressionType="SQL",
                                      InputSerialization=input_serialization,
                                      OutputSerialization=output_serialization, **kwargs)
    records, events = [], []
    for event in answer["Payload"]:
        name = next(iter(event))
        events.append(name)
        if name == "Records":
            records.append(event["Records"]["Payload"].decode("utf-8"))
    return "".join(records), events


def select_object_content():
    bucket = name("select")
    S3.create_bucket(Bucket=bucket)
    S3.put_object(Bucket=bucket, Key="people.csv", Body=b"name,city,age\nAda,London,36\nGrace,New York,85\n"
                  b"Alan,London,41\n")
    csv_in = {"CSV": {"FileHeaderInfo": "USE"}}
    records, events = select(bucket, "people.csv", "SELECT s.name FROM S3Object s WHERE s.city = 'London'", csv_in,
                             {"CSV": {}})
    expect(records, "Ada\nAlan\n", "CSV records")
    expect(events, ["Records", "Stats", "End"], "event order")
    records, events = select(bucket, "people.csv", "SELECT COUNT(*) AS n, MAX(CAST(s.age AS INT)) AS oldest"
                             " FROM S3Object s", csv_in, {"JSON": {}}, RequestProgress={"Enabled": True})
    expect(records, '{"n":3,"oldest":85}\n', "aggregates as JSON")
    expect(events, ["Records", "Progress", "Stats", "End"], "progress requested")
    S3.put_object(Bucket=bucket, Key="orders.json.gz", Body=gzip.compress(
        b'{"id":1,"customer":{"tier":"gold"}}\n{"id":2,"customer":{}}\n'))
    records, _ = select(bucket, "orders.json.gz", "SELECT s.id FROM S3Object s WHERE s.customer.tier IS MISSING",
                        {"CompressionType": "GZIP", "JSON": {"Type": "LINES"}}, {"JSON": {}})
    expect(records, '{"id":2}\n', "gzip JSON lines")
    expect_error(S3.select_object_content, 400, "InvalidExpressionType", "The ExpressionType is invalid. Only SQL"
                 " expressions are supported.", Bucket=bucket, Key="people.csv", Expression="SELECT * FROM S3Object",
                 ExpressionType="XPATH", InputSerialization=csv_in, OutputSerialization={"CSV": {}})
    expect_error(S3.select_object_content, 400, "CastFailed", "Attempt to convert from one data type to another"
                 " using CAST failed in the SQL expression.", Bucket=bucket, Key="people.csv",
                 Expression="SELECT CAST(s.city AS INT) FROM S3Object s", ExpressionType="SQL",
                 InputSerialization=csv_in, OutputSerialization={"CSV": {}})


def replication():
    source, backup = name("replicated"), name("replica")
    S3.create_bucket(Bucket=source)
    IRELAND.create_bucket(Bucket=backup, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    rules = {"Role": "arn:aws:iam::000000000000:role/replication", "Rules": [{
        "ID": "all", "Priority": 1, "Status": "Enabled", "Filter": {"Prefix": ""},
        "DeleteMarkerReplication": {"Status": "Enabled"}, "Destination": {"Bucket": "arn:aws:s3:::" + backup}}]}
    expect_error(S3.put_bucket_replication, 400, "InvalidRequest", "Versioning must be 'Enabled' on the bucket to"
                 " apply a replication configuration", Bucket=source, ReplicationConfiguration=rules)
    S3.put_bucket_versioning(Bucket=source, VersioningConfiguration={"Status": "Enabled"})
    expect_error(S3.put_bucket_replication, 400, "InvalidRequest", "Destination bucket must have versioning enabled.",
                 Bucket=source, ReplicationConfiguration=rules)
    IRELAND.put_bucket_versioning(Bucket=backup, VersioningConfiguration={"Status": "Enabled"})
    expect_error(S3.get_bucket_replication, 404, "ReplicationConfigurationNotFoundError",
                 "The replication configuration was not found", Bucket=source)
    S3.put_bucket_replication(Bucket=source, ReplicationConfiguration=rules)
    expect(S3.get_bucket_replication(Bucket=source)["ReplicationConfiguration"]["Rules"][0]["ID"], "all", "rule")
    version = S3.put_object(Bucket=source, Key="k", Body=b"v", Metadata={"owner": "ada"})["VersionId"]
    expect(S3.head_object(Bucket=source, Key="k")["ReplicationStatus"], "COMPLETED", "source status")
    replica = IRELAND.get_object(Bucket=backup, Key="k")
    expect((replica["Body"].read(), replica["VersionId"], replica["ReplicationStatus"], replica["Metadata"]),
           (b"v", version, "REPLICA", {"owner": "ada"}), "replica")
    marker = S3.delete_object(Bucket=source, Key="k")["VersionId"]
    expect([m["VersionId"] for m in IRELAND.list_object_versions(Bucket=backup).get("DeleteMarkers", [])], [marker],
           "delete marker replicated")
    S3.delete_bucket_replication(Bucket=source)
    expect_error(S3.get_bucket_replication, 404, "ReplicationConfigurationNotFoundError",
                 "The replication configuration was not found", Bucket=source)


def run():
    for check in (location_constraints, tagging_rules, object_lock, lifecycle, default_encryption,
                  ownership_and_acls, logging, customer_keys, select_object_content, replication):
        S.check(check.__name__, check)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
