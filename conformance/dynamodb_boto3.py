#!/usr/bin/python3
"""DynamoDB through Debian's boto3 1.26 (botocore 1.29, AWS JSON 1.0) against a running SimStack launcher."""
import gzip
import json
import os
import sys
import time
import zlib
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import Suite, expect, expect_true, main_guard  # noqa: E402

import boto3  # noqa: E402
from botocore.config import Config  # noqa: E402
from botocore.exceptions import ClientError  # noqa: E402

S = Suite("dynamodb_boto3")
DDB = boto3.client("dynamodb", endpoint_url=S.endpoint, region_name="us-east-1",
                   aws_access_key_id="test", aws_secret_access_key="test",
                   config=Config(retries={"max_attempts": 1, "mode": "standard"}, read_timeout=30))
WIRE = []
DDB.meta.events.register("after-call.dynamodb", lambda http_response, model, **_: WIRE.append(
    (model.name, http_response.status_code, dict(http_response.headers), http_response.content)))
T = {}
ITEM = {
    "pk": {"S": "user#1"}, "sk": {"S": "order#001"},
    "total": {"N": "12.5"}, "paid": {"BOOL": True}, "note": {"NULL": True},
    "blob": {"B": b"\x00\x01\xff"}, "tags": {"SS": ["a", "b"]}, "sizes": {"NS": ["1", "2.5"]},
    "bins": {"BS": [b"\x01", b"\x02"]}, "lines": {"L": [{"S": "x"}, {"N": "1"}]},
    "address": {"M": {"city": {"S": "Lyon"}, "zip": {"N": "69001"}}}, "status": {"S": "open"},
}


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        return e
    raise AssertionError("the call succeeded; an error was expected")


def expect_code(err, code, status=400):
    expect(err.response["Error"]["Code"], code, "error code")
    expect(err.response["ResponseMetadata"]["HTTPStatusCode"], status, "HTTP status")


def wait_active(name):
    deadline = time.monotonic() + 20
    while True:
        status = DDB.describe_table(TableName=name)["Table"]["TableStatus"]
        if status == "ACTIVE" or time.monotonic() > deadline:
            return status
        time.sleep(0.2)


def create_table():
    name = S.unique("orders")
    desc = DDB.create_table(
        TableName=name, BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                              {"AttributeName": "sk", "AttributeType": "S"},
                              {"AttributeName": "status", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        GlobalSecondaryIndexes=[{"IndexName": "by-status",
                                 "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"},
                                               {"AttributeName": "sk", "KeyType": "RANGE"}],
                                 "Projection": {"ProjectionType": "ALL"}}],
        Tags=[{"Key": "team", "Value": "conformance"}])["TableDescription"]
    expect(desc["TableName"], name, "TableName")
    expect(desc["TableArn"], f"arn:aws:dynamodb:us-east-1:000000000000:table/{name}", "TableArn")
    expect_true(desc["TableStatus"] in ("CREATING", "ACTIVE"), f"TableStatus {desc['TableStatus']}")
    expect(wait_active(name), "ACTIVE", "TableStatus after waiting")
    T["name"] = name


def describe_and_list_tables():
    table = DDB.describe_table(TableName=T["name"])["Table"]
    expect(table["KeySchema"], [{"AttributeName": "pk", "KeyType": "HASH"},
                                {"AttributeName": "sk", "KeyType": "RANGE"}], "KeySchema")
    expect([i["IndexName"] for i in table.get("GlobalSecondaryIndexes", [])], ["by-status"], "GSI names")
    expect(table.get("BillingModeSummary", {}).get("BillingMode"), "PAY_PER_REQUEST", "BillingMode")
    names = []
    kwargs = {"Limit": 1}
    for _ in range(100):
        page = DDB.list_tables(**kwargs)
        expect_true(len(page["TableNames"]) <= 1, f"page of {len(page['TableNames'])} > Limit 1")
        names += page["TableNames"]
        if "LastEvaluatedTableName" not in page:
            break
        kwargs["ExclusiveStartTableName"] = page["LastEvaluatedTableName"]
    expect_true(T["name"] in names, f"{T['name']} not in paginated ListTables {names}")


def put_and_get_item():
    DDB.put_item(TableName=T["name"], Item=ITEM)
    got = DDB.get_item(TableName=T["name"], Key={"pk": ITEM["pk"], "sk": ITEM["sk"]}, ConsistentRead=True)
    item = got["Item"]
    # Sets come back in any order, as AWS documents.
    for key in ("tags", "sizes", "bins"):
        kind = next(iter(ITEM[key]))
        expect(sorted(item[key][kind]), sorted(ITEM[key][kind]), key)
    rest = {k: v for k, v in item.items() if k not in ("tags", "sizes", "bins")}
    expect(rest, {k: v for k, v in ITEM.items() if k not in ("tags", "sizes", "bins")}, "item")
    expect(DDB.get_item(TableName=T["name"], Key={"pk": {"S": "nobody"}, "sk": {"S": "x"}}).get("Item"), None,
           "Item of a missing key")


def numbers_are_normalized():
    # DynamoDB trims leading and trailing zeros and answers numbers in plain notation.
    key = {"pk": {"S": "numbers"}, "sk": {"S": "n"}}
    DDB.put_item(TableName=T["name"], Item={**key, "a": {"N": "012.50"}, "b": {"N": "1E+3"}})
    got = DDB.get_item(TableName=T["name"], Key=key, ConsistentRead=True)["Item"]
    expect((got["a"], got["b"]), ({"N": "12.5"}, {"N": "1000"}), "numbers")
    DDB.delete_item(TableName=T["name"], Key=key)


def projection():
    got = DDB.get_item(TableName=T["name"], Key={"pk": ITEM["pk"], "sk": ITEM["sk"]},
                       ProjectionExpression="#a.city, #t",  # TOTAL is a reserved word
                       ExpressionAttributeNames={"#a": "address", "#t": "total"})["Item"]
    expect(got, {"address": {"M": {"city": {"S": "Lyon"}}}, "total": {"N": "12.5"}}, "projected item")


def update_item():
    out = DDB.update_item(TableName=T["name"], Key={"pk": ITEM["pk"], "sk": ITEM["sk"]},
                          UpdateExpression="SET #t = #t + :d, #s = :s ADD tags :t REMOVE note",
                          ExpressionAttributeNames={"#s": "status", "#t": "total"},
                          ExpressionAttributeValues={":d": {"N": "0.5"}, ":s": {"S": "paid"}, ":t": {"SS": ["c"]}},
                          ReturnValues="ALL_NEW")["Attributes"]
    expect(Decimal(out["total"]["N"]), Decimal("13"), "total")
    expect(out["status"], {"S": "paid"}, "status")
    expect(sorted(out["tags"]["SS"]), ["a", "b", "c"], "tags")
    expect_true("note" not in out, "note not removed")


def conditional_write_fails():
    err = error_of(DDB.put_item, TableName=T["name"], Item=ITEM, ConditionExpression="attribute_not_exists(pk)")
    expect_true(isinstance(err, DDB.exceptions.ConditionalCheckFailedException),
                f"expected ConditionalCheckFailedException, got {type(err).__name__}")
    expect_code(err, "ConditionalCheckFailedException")


def batch_write_and_get():
    items = [{"PutRequest": {"Item": {"pk": {"S": "user#2"}, "sk": {"S": f"order#{i:03d}"},
                                      "status": {"S": "open" if i % 2 else "paid"}, "n": {"N": str(i)}}}}
             for i in range(1, 8)]
    out = DDB.batch_write_item(RequestItems={T["name"]: items})
    expect(out.get("UnprocessedItems", {}), {}, "UnprocessedItems")
    keys = [{"pk": {"S": "user#2"}, "sk": {"S": f"order#{i:03d}"}} for i in (1, 2, 99)]
    got = DDB.batch_get_item(RequestItems={T["name"]: {"Keys": keys, "ConsistentRead": True}})
    expect(sorted(i["sk"]["S"] for i in got["Responses"][T["name"]]), ["order#001", "order#002"], "items found")


def query_with_pagination():
    seen, kwargs = [], {}
    for _ in range(10):
        page = DDB.query(TableName=T["name"], KeyConditionExpression="pk = :p AND begins_with(sk, :o)",
                         FilterExpression="n > :min", ScanIndexForward=False, Limit=3,
                         ExpressionAttributeValues={":p": {"S": "user#2"}, ":o": {"S": "order#"},
                                                    ":min": {"N": "2"}}, **kwargs)
        seen += [i["sk"]["S"] for i in page["Items"]]
        expect_true(page["ScannedCount"] <= 3, f"ScannedCount {page['ScannedCount']} > Limit 3")
        if "LastEvaluatedKey" not in page:
            break
        kwargs = {"ExclusiveStartKey": page["LastEvaluatedKey"]}
    expect(seen, [f"order#{i:03d}" for i in (7, 6, 5, 4, 3)], "items over all pages, descending, filtered")


def query_index():
    got = DDB.query(TableName=T["name"], IndexName="by-status", KeyConditionExpression="#s = :s",
                    ExpressionAttributeNames={"#s": "status"}, ExpressionAttributeValues={":s": {"S": "paid"}})
    expect(sorted((i["pk"]["S"], i["sk"]["S"]) for i in got["Items"]),
           [("user#1", "order#001"), ("user#2", "order#002"), ("user#2", "order#004"), ("user#2", "order#006")],
           "items of the GSI")


def index_capacity():
    key = {"pk": {"S": "capacity#1"}, "sk": {"S": "s"}}

    def consumed(call, **kwargs):
        return call(TableName=T["name"], ReturnConsumedCapacity="INDEXES", **kwargs)["ConsumedCapacity"]

    put = consumed(DDB.put_item, Item={**key, "status": {"S": "metered"}})
    expect(put, {"TableName": T["name"], "CapacityUnits": 2.0, "WriteCapacityUnits": 2.0,
                 "Table": {"CapacityUnits": 1.0, "WriteCapacityUnits": 1.0},
                 "GlobalSecondaryIndexes": {"by-status": {"CapacityUnits": 1.0, "WriteCapacityUnits": 1.0}}},
           "a new item in the GSI")
    moved = consumed(DDB.update_item, Key=key, UpdateExpression="SET #s = :s",
                     ExpressionAttributeNames={"#s": "status"}, ExpressionAttributeValues={":s": {"S": "moved"}})
    expect(moved["GlobalSecondaryIndexes"]["by-status"]["CapacityUnits"], 2.0, "a moved GSI key costs two writes")
    total = DDB.delete_item(TableName=T["name"], Key=key, ReturnConsumedCapacity="TOTAL")["ConsumedCapacity"]
    expect(total, {"TableName": T["name"], "CapacityUnits": 2.0, "WriteCapacityUnits": 2.0}, "TOTAL: the sum only")


def scan_with_pagination():
    paginator = DDB.get_paginator("scan")
    pages = list(paginator.paginate(TableName=T["name"], PaginationConfig={"PageSize": 2}))
    expect(sum(p["Count"] for p in pages), 8, "items scanned")
    expect_true(len(pages) >= 4, f"{len(pages)} pages of 2 for 8 items")
    counted = DDB.scan(TableName=T["name"], Select="COUNT", FilterExpression="attribute_exists(paid)")
    expect((counted["Count"], counted["ScannedCount"]), (1, 8), "Count and ScannedCount")


def transactions():
    err = error_of(DDB.transact_write_items, TransactItems=[
        {"Put": {"TableName": T["name"], "Item": {"pk": {"S": "user#3"}, "sk": {"S": "order#001"}}}},
        {"ConditionCheck": {"TableName": T["name"], "Key": {"pk": ITEM["pk"], "sk": ITEM["sk"]},
                            "ConditionExpression": "#s = :open", "ExpressionAttributeNames": {"#s": "status"},
                            "ExpressionAttributeValues": {":open": {"S": "open"}}}}])
    expect_code(err, "TransactionCanceledException")
    reasons = [r.get("Code") for r in err.response.get("CancellationReasons", [])]
    expect(reasons, ["None", "ConditionalCheckFailed"], "CancellationReasons")
    DDB.transact_write_items(TransactItems=[
        {"Put": {"TableName": T["name"], "Item": {"pk": {"S": "user#3"}, "sk": {"S": "order#001"}}}}])
    got = DDB.transact_get_items(TransactItems=[{"Get": {"TableName": T["name"], "Key": {
        "pk": {"S": "user#3"}, "sk": {"S": "order#001"}}}}])
    expect(got["Responses"][0]["Item"]["pk"], {"S": "user#3"}, "item written by the transaction")


def partiql():
    """ExecuteStatement, BatchExecuteStatement and ExecuteTransaction on the same items as the item API."""
    table = T["name"]
    out = DDB.execute_statement(Statement=f"INSERT INTO \"{table}\" VALUE {{'pk': ?, 'sk': 'q#1', 'n': 1}}",
                                Parameters=[{"S": "partiql#1"}])
    expect(out["Items"], [], "INSERT answers no items")
    err = error_of(DDB.execute_statement,
                   Statement=f"INSERT INTO \"{table}\" VALUE {{'pk': 'partiql#1', 'sk': 'q#1'}}")
    expect_code(err, "DuplicateItemException")
    expect(err.response["Error"]["Message"], "Duplicate primary key exists in table", "message")
    out = DDB.execute_statement(Statement=f"UPDATE \"{table}\" SET n = n + 1 WHERE pk = 'partiql#1' AND sk = 'q#1' "
                                          "RETURNING ALL NEW *")
    expect(out["Items"][0]["n"], {"N": "2"}, "RETURNING ALL NEW *")
    got = DDB.get_item(TableName=table, Key={"pk": {"S": "partiql#1"}, "sk": {"S": "q#1"}})["Item"]
    expect(got["n"], {"N": "2"}, "UPDATE seen by GetItem")
    out = DDB.execute_statement(Statement=f"SELECT pk, n FROM \"{table}\" WHERE pk = ? AND begins_with(sk, 'q#')",
                                Parameters=[{"S": "partiql#1"}])
    expect(out["Items"], [{"pk": {"S": "partiql#1"}, "n": {"N": "2"}}], "SELECT with a projection")
    err = error_of(DDB.execute_statement,
                   Statement=f"UPDATE \"{table}\" SET n = 1 WHERE pk = 'partiql#2' AND sk = 'x'")
    expect_code(err, "ConditionalCheckFailedException")
    err = error_of(DDB.execute_statement, Statement=f"SELECT * FROM \"{table}\" WHERE")
    expect_validation(err, "Statement wasn't well formed, can't be processed: Unexpected term")
    batch = DDB.batch_execute_statement(Statements=[
        {"Statement": f"SELECT n FROM \"{table}\" WHERE pk = 'partiql#1' AND sk = 'q#1'"},
        {"Statement": f"SELECT n FROM \"{table}\" WHERE pk = 'partiql#1'"}])["Responses"]
    expect(batch[0].get("Item"), {"n": {"N": "2"}}, "batch read")
    expect(batch[1]["Error"]["Code"], "ValidationError", "batch read without the full key")
    err = error_of(DDB.execute_transaction, TransactStatements=[
        {"Statement": f"DELETE FROM \"{table}\" WHERE pk = 'partiql#1' AND sk = 'q#1'"},
        {"Statement": f"INSERT INTO \"{table}\" VALUE {{'pk': 'user#1', 'sk': 'order#001'}}"}])
    expect_code(err, "TransactionCanceledException")
    expect([r.get("Code") for r in err.response.get("CancellationReasons", [])], ["None", "DuplicateItem"],
           "CancellationReasons")
    DDB.execute_transaction(TransactStatements=[
        {"Statement": f"DELETE FROM \"{table}\" WHERE pk = 'partiql#1' AND sk = 'q#1'"}])
    gone = DDB.get_item(TableName=table, Key={"pk": {"S": "partiql#1"}, "sk": {"S": "q#1"}})
    expect("Item" in gone, False, "item deleted by the transaction")


def delete_item():
    old = DDB.delete_item(TableName=T["name"], Key={"pk": {"S": "user#3"}, "sk": {"S": "order#001"}},
                          ReturnValues="ALL_OLD")
    expect(old["Attributes"], {"pk": {"S": "user#3"}, "sk": {"S": "order#001"}}, "ALL_OLD attributes")


def errors():
    err = error_of(DDB.get_item, TableName=S.unique("missing"), Key={"pk": {"S": "x"}})
    expect_true(isinstance(err, DDB.exceptions.ResourceNotFoundException),
                f"expected ResourceNotFoundException, got {type(err).__name__}")
    expect_code(err, "ResourceNotFoundException")
    err = error_of(DDB.put_item, TableName=T["name"], Item={"pk": {"S": "only-hash"}})
    expect_code(err, "ValidationException")
    err = error_of(DDB.create_table, TableName=T["name"], BillingMode="PAY_PER_REQUEST",
                   AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                   KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
    expect_code(err, "ResourceInUseException")


def expect_validation(err, message):
    expect_code(err, "ValidationException")
    expect(err.response["Error"]["Message"], message, "message")


def validation_messages():
    key = {"pk": ITEM["pk"], "sk": ITEM["sk"]}
    expect_validation(error_of(DDB.update_item, TableName=T["name"], Key=key, UpdateExpression="SET #a = :v",
                               ExpressionAttributeNames={"#a": "a", "#b": "b"},
                               ExpressionAttributeValues={":v": {"S": "x"}}),
                      "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}")
    expect_validation(error_of(DDB.transact_write_items, TransactItems=[{"ConditionCheck": {
        "TableName": T["name"], "Key": key, "ConditionExpression": "attribute_exists(pk)",
        "ExpressionAttributeValues": {":unused": {"S": "x"}}}}]),
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}")
    expect_validation(error_of(DDB.update_item, TableName=T["name"], Key=key, UpdateExpression=""),
                      "Invalid UpdateExpression: The expression can not be empty;")
    expect_validation(error_of(DDB.put_item, TableName=T["name"], Item=dict(key, tags={"NS": []})),
                      "One or more parameter values were invalid: An number set  may not be empty")
    expect_validation(error_of(DDB.scan, TableName=T["name"], Select="count"),
                      "1 validation error detected: Value 'count' at 'select' failed to satisfy constraint: Member "
                      "must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, "
                      "ALL_PROJECTED_ATTRIBUTES]")
    expect_validation(error_of(DDB.query, TableName=T["name"], KeyConditionExpression="pk = :p",
                               ExpressionAttributeValues={":p": ITEM["pk"]}, Select="SPECIFIC_ATTRIBUTES"),
                      "1 validation error detected: Must specify the AttributesToGet or ProjectionExpression when "
                      "choosing to get SPECIFIC_ATTRIBUTES")
    expect_validation(error_of(DDB.scan, TableName=T["name"], Select="ALL_PROJECTED_ATTRIBUTES"),
                      "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName")
    expect_validation(error_of(DDB.create_table, TableName=S.unique("unused"), BillingMode="PAY_PER_REQUEST",
                               AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                                     {"AttributeName": "gk", "AttributeType": "S"},
                                                     {"AttributeName": "extra", "AttributeType": "N"}],
                               KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                               GlobalSecondaryIndexes=[{"IndexName": "by-gk", "Projection": {"ProjectionType": "ALL"},
                                                        "KeySchema": [{"AttributeName": "gk", "KeyType": "HASH"}]}]),
                      "One or more parameter values were invalid: Some AttributeDefinitions are not used. "
                      "AttributeDefinitions: [pk, gk, extra], keys used: [gk, pk]")


def ttl_and_tags():
    DDB.update_time_to_live(TableName=T["name"],
                            TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
    ttl = DDB.describe_time_to_live(TableName=T["name"])["TimeToLiveDescription"]
    expect((ttl["TimeToLiveStatus"] in ("ENABLED", "ENABLING"), ttl.get("AttributeName")), (True, "expires"), "TTL")
    arn = DDB.describe_table(TableName=T["name"])["Table"]["TableArn"]
    expect(DDB.list_tags_of_resource(ResourceArn=arn)["Tags"], [{"Key": "team", "Value": "conformance"}], "tags")


def delete_table():
    DDB.delete_table(TableName=T["name"])
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            DDB.describe_table(TableName=T["name"])
        except DDB.exceptions.ResourceNotFoundException:
            return
        time.sleep(0.2)
    raise AssertionError("table still described 20 s after DeleteTable")


def streams_list_and_get_records():
    """dynamodbstreams (signed as dynamodb, told apart by its target): ListStreams, then every change in GetRecords."""
    streams = boto3.client("dynamodbstreams", endpoint_url=S.endpoint, region_name="us-east-1",
                           aws_access_key_id="test", aws_secret_access_key="test",
                           config=Config(retries={"max_attempts": 1, "mode": "standard"}))
    name = S.unique("streamed")
    arn = DDB.create_table(
        TableName=name, BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )["TableDescription"]["LatestStreamArn"]
    wait_active(name)
    DDB.put_item(TableName=name, Item={"id": {"S": "a"}, "v": {"N": "1"}})
    DDB.put_item(TableName=name, Item={"id": {"S": "a"}, "v": {"N": "2"}})
    listed = streams.list_streams(TableName=name)["Streams"]
    expect([s["StreamArn"] for s in listed], [arn], "ListStreams by table")
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
    iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard,
                                          ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    page = streams.get_records(ShardIterator=iterator)
    records = page["Records"]
    expect([r["eventName"] for r in records], ["INSERT", "MODIFY"], "event names")
    expect(records[1]["dynamodb"]["OldImage"]["v"], {"N": "1"}, "old image")
    expect(records[1]["dynamodb"]["NewImage"]["v"], {"N": "2"}, "new image")
    expect((records[0]["eventVersion"], records[0]["eventSource"]), ("1.1", "aws:dynamodb"), "record source")
    expect_true(page.get("NextShardIterator"), "no NextShardIterator on an open shard")
    DDB.delete_table(TableName=name)


def export_and_import_through_s3():
    """PITR, ExportTableToPointInTime into our S3 (manifests and gzip DynamoDB JSON), ImportTable of its data."""
    s3 = boto3.client("s3", endpoint_url=S.endpoint, region_name="us-east-1", aws_access_key_id="test",
                      aws_secret_access_key="test",
                      config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1, "mode": "standard"}))
    bucket = S.unique("exports").lower().replace("_", "-")  # S3 names: no capitals or underscores
    s3.create_bucket(Bucket=bucket)
    name = S.unique("exported")
    arn = DDB.create_table(
        TableName=name, BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])["TableDescription"]["TableArn"]
    wait_active(name)
    DDB.put_item(TableName=name, Item={"id": {"S": "a"}, "n": {"N": "1"}, "tags": {"SS": ["x"]}})
    err = error_of(DDB.export_table_to_point_in_time, TableArn=arn, S3Bucket=bucket)
    expect_code(err, "PointInTimeRecoveryUnavailableException")
    DDB.update_continuous_backups(TableName=name,
                                  PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    status = DDB.describe_continuous_backups(TableName=name)["ContinuousBackupsDescription"]
    expect(status["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"], "ENABLED", "PITR status")
    started = DDB.export_table_to_point_in_time(TableArn=arn, S3Bucket=bucket, S3Prefix="p")["ExportDescription"]
    expect(started["ExportStatus"], "IN_PROGRESS", "export answered")
    done = DDB.describe_export(ExportArn=started["ExportArn"])["ExportDescription"]
    expect((done["ExportStatus"], done["ItemCount"]), ("COMPLETED", 1), "export described")
    summary = json.loads(s3.get_object(Bucket=bucket, Key=done["ExportManifest"])["Body"].read())
    files = s3.get_object(Bucket=bucket, Key=summary["manifestFilesS3Key"])["Body"].read().decode().splitlines()
    data_key = json.loads(files[0])["dataFileS3Key"]
    lines = gzip.decompress(s3.get_object(Bucket=bucket, Key=data_key)["Body"].read()).decode().splitlines()
    expect([json.loads(line) for line in lines],
           [{"Item": {"id": {"S": "a"}, "n": {"N": "1"}, "tags": {"SS": ["x"]}}}], "exported items")
    listed = DDB.list_exports(TableArn=arn)["ExportSummaries"]
    expect([e["ExportArn"] for e in listed], [started["ExportArn"]], "ListExports")
    copy = S.unique("imported")
    imported = DDB.import_table(
        S3BucketSource={"S3Bucket": bucket, "S3KeyPrefix": data_key.rsplit("/", 1)[0] + "/"},
        InputFormat="DYNAMODB_JSON", InputCompressionType="GZIP",
        TableCreationParameters={"TableName": copy, "BillingMode": "PAY_PER_REQUEST",
                                 "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                                 "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]})["ImportTableDescription"]
    described = DDB.describe_import(ImportArn=imported["ImportArn"])["ImportTableDescription"]
    expect((described["ImportStatus"], described["ImportedItemCount"], described["ErrorCount"]),
           ("COMPLETED", 1, 0), "import described")
    expect(DDB.get_item(TableName=copy, Key={"id": {"S": "a"}})["Item"],
           {"id": {"S": "a"}, "n": {"N": "1"}, "tags": {"SS": ["x"]}}, "imported item")
    err = error_of(DDB.import_table, S3BucketSource={"S3Bucket": bucket}, InputFormat="CSV",
                   TableCreationParameters={"TableName": copy, "BillingMode": "PAY_PER_REQUEST",
                                            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                                            "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]})
    expect_code(err, "ResourceInUseException")
    DDB.delete_table(TableName=name)
    DDB.delete_table(TableName=copy)


def wire_format():
    """Every answer: application/x-amz-json-1.0, x-amzn-RequestId, and an x-amz-crc32 that matches the body."""
    problems = []
    for op, status, headers, body in WIRE:
        lower = {k.lower(): v for k, v in headers.items()}
        if lower.get("content-type") != "application/x-amz-json-1.0":
            problems.append(f"{op}: content-type {lower.get('content-type')!r}")
        if not lower.get("x-amzn-requestid"):
            problems.append(f"{op}: no x-amzn-RequestId")
        crc = lower.get("x-amz-crc32")
        if crc is None or int(crc) != zlib.crc32(body) & 0xFFFFFFFF:
            problems.append(f"{op}: x-amz-crc32 {crc!r}, body's is {zlib.crc32(body) & 0xFFFFFFFF}")
    expect_true(WIRE, "no answers recorded")
    expect(problems[:5], [], f"wire problems in {len(WIRE)} answers")


def run():
    for check in (create_table, describe_and_list_tables, put_and_get_item, numbers_are_normalized, projection,
                  update_item,
                  conditional_write_fails, batch_write_and_get, query_with_pagination, query_index,
                  scan_with_pagination, transactions, partiql, delete_item, errors, validation_messages, ttl_and_tags,
                  streams_list_and_get_records, index_capacity, export_and_import_through_s3, delete_table,
                  wire_format):
        S.check(check.__name__, check)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
