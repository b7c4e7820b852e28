#!/usr/bin/python3
"""DynamoDB through Debian's AWS CLI v2 (/usr/bin/aws 2.9.19) against a running SimStack launcher."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import Suite, aws, aws_error, expect, expect_true, main_guard  # noqa: E402

S = Suite("dynamodb_cli")
T = {}


def ddb(*args):
    return aws(S.endpoint, "dynamodb", *args)


def create_table():
    name = S.unique("events")
    desc = ddb("create-table", "--table-name", name, "--billing-mode", "PAY_PER_REQUEST",
               "--attribute-definitions", "AttributeName=id,AttributeType=S", "AttributeName=at,AttributeType=N",
               "--key-schema", "AttributeName=id,KeyType=HASH", "AttributeName=at,KeyType=RANGE")["TableDescription"]
    expect(desc["TableName"], name, "TableName")
    deadline = time.monotonic() + 20
    while ddb("describe-table", "--table-name", name)["Table"]["TableStatus"] != "ACTIVE":
        expect_true(time.monotonic() < deadline, "table not ACTIVE within 20 s")
        time.sleep(0.2)
    T["name"] = name
    expect_true(name in ddb("list-tables")["TableNames"], "table missing from list-tables")


def put_get_update_delete():
    item = {"id": {"S": "e1"}, "at": {"N": "1"}, "kind": {"S": "click"}, "n": {"N": "5"}}
    ddb("put-item", "--table-name", T["name"], "--item", json.dumps(item))
    key = json.dumps({"id": {"S": "e1"}, "at": {"N": "1"}})
    expect(ddb("get-item", "--table-name", T["name"], "--key", key, "--consistent-read")["Item"], item, "Item")
    updated = ddb("update-item", "--table-name", T["name"], "--key", key, "--update-expression", "ADD n :one",
                  "--expression-attribute-values", '{":one": {"N": "1"}}', "--return-values", "UPDATED_NEW")
    expect(updated["Attributes"], {"n": {"N": "6"}}, "UPDATED_NEW attributes")
    expect(aws_error(S.endpoint, "dynamodb", "put-item", "--table-name", T["name"], "--item", json.dumps(item),
                     "--condition-expression", "attribute_not_exists(id)"),
           "ConditionalCheckFailedException", "error code of a failed condition")
    ddb("delete-item", "--table-name", T["name"], "--key", key)
    expect(ddb("get-item", "--table-name", T["name"], "--key", key).get("Item"), None, "Item after delete")


def query_and_scan_pagination():
    requests = [{"PutRequest": {"Item": {"id": {"S": "e2"}, "at": {"N": str(i)}}}} for i in range(1, 8)]
    out = ddb("batch-write-item", "--request-items", json.dumps({T["name"]: requests}))
    expect(out.get("UnprocessedItems", {}), {}, "UnprocessedItems")
    got = ddb("query", "--table-name", T["name"], "--key-condition-expression", "id = :id AND #at BETWEEN :a AND :b",
              "--expression-attribute-names", '{"#at": "at"}',
              "--expression-attribute-values", '{":id": {"S": "e2"}, ":a": {"N": "2"}, ":b": {"N": "5"}}',
              "--no-scan-index-forward")
    expect([i["at"]["N"] for i in got["Items"]], ["5", "4", "3", "2"], "query items, descending")
    # The CLI's paginator follows LastEvaluatedKey under --page-size.
    scanned = ddb("scan", "--table-name", T["name"], "--page-size", "2")
    expect(scanned["Count"], 7, "items scanned over pages of 2")
    first = ddb("scan", "--table-name", T["name"], "--max-items", "3")
    expect((len(first["Items"]), bool(first.get("NextToken"))), (3, True), "first 3 items and a NextToken")
    rest = ddb("scan", "--table-name", T["name"], "--starting-token", first["NextToken"])
    expect(len(rest["Items"]), 4, "items after the NextToken")


def errors():
    expect(aws_error(S.endpoint, "dynamodb", "describe-table", "--table-name", S.unique("missing")),
           "ResourceNotFoundException", "error code of a missing table")
    expect(aws_error(S.endpoint, "dynamodb", "get-item", "--table-name", T["name"], "--key", '{"id": {"S": "x"}}'),
           "ValidationException", "error code of an incomplete key")


def delete_table():
    ddb("delete-table", "--table-name", T["name"])


def run():
    for check in (create_table, put_get_update_delete, query_and_scan_pagination, errors, delete_table):
        S.check(check.__name__, check)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
