#!/usr/bin/python3
"""API Gateway's REST control plane through Debian's AWS CLI v2 (/usr/bin/aws), as AWS's "API Gateway to SQS"
walkthrough builds it call by call: resource, POST method, AWS integration to SQS with the
Action=SendMessage&MessageBody=$input.body template, method and integration responses, deployment, stage; then a
request to the stage URL and the message in the queue. Plus a MOCK integration, and the control plane's errors.
Then the same API from an OpenAPI definition (import-rest-api --body fileb://...), and get-export of it imported
again as the same API."""
import json
import os
import sys
import tempfile
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import Suite, aws, aws_error, expect, expect_true, main_guard  # noqa: E402

S = Suite("apigateway_cli")
R = {}


def apigw(*args):
    return aws(S.endpoint, "apigateway", *args)


def sqs(*args):
    return aws(S.endpoint, "sqs", *args)


def post(path, body, content_type="application/json", api=None):
    request = urllib.request.Request(f"{S.endpoint}/restapis/{api or R['api']}/prod/_user_request_{path}",
                                     data=body.encode(), method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, answer.read().decode(), dict(answer.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), dict(e.headers)


def build_api():
    queue = S.unique("orders")
    R["queue_url"] = sqs("create-queue", "--queue-name", queue)["QueueUrl"]
    account = sqs("get-queue-attributes", "--queue-url", R["queue_url"], "--attribute-names",
                  "QueueArn")["Attributes"]["QueueArn"].split(":")[4]
    R["queue_uri"] = f"arn:aws:apigateway:us-east-1:sqs:path/{account}/{queue}"
    api = apigw("create-rest-api", "--name", S.unique("orders-api"))
    R["api"] = api["id"]
    # Debian's CLI 2.9 predates rootResourceId in CreateRestApi's answer: the root comes from get-resources.
    root = [r for r in apigw("get-resources", "--rest-api-id", R["api"])["items"] if r["path"] == "/"][0]
    resource = apigw("create-resource", "--rest-api-id", R["api"], "--parent-id", root["id"],
                     "--path-part", "orders")
    R["resource"] = resource["id"]
    common = ["--rest-api-id", R["api"], "--resource-id", R["resource"], "--http-method", "POST"]
    apigw("put-method", *common, "--authorization-type", "NONE")
    apigw("put-integration", *common, "--type", "AWS", "--integration-http-method", "POST",
          "--uri", f"arn:aws:apigateway:us-east-1:sqs:path/{account}/{queue}",
          "--request-parameters", json.dumps({"integration.request.header.Content-Type":
                                              "'application/x-www-form-urlencoded'"}),
          "--request-templates", json.dumps({"application/json": "Action=SendMessage&MessageBody=$input.body"}),
          "--passthrough-behavior", "NEVER")
    apigw("put-method-response", *common, "--status-code", "200")
    apigw("put-integration-response", *common, "--status-code", "200", "--selection-pattern", "",
          "--response-templates", json.dumps({"application/json":
                                              '{"id":"$input.path(\'$.SendMessageResponse.SendMessageResult.MessageId\')"}'}))
    deployment = apigw("create-deployment", "--rest-api-id", R["api"])
    apigw("create-stage", "--rest-api-id", R["api"], "--stage-name", "prod", "--deployment-id", deployment["id"])
    method = apigw("get-method", *common)
    expect(method["methodIntegration"]["requestTemplates"]["application/json"],
           "Action=SendMessage&MessageBody=$input.body", "the integration embedded in get-method")
    expect(list(method["methodResponses"]), ["200"], "method responses embedded in get-method")


def request_reaches_the_queue():
    status, body, _ = post("/orders", '{"order":42}')
    expect(status, 200, "status")
    messages = sqs("receive-message", "--queue-url", R["queue_url"], "--max-number-of-messages", "10")["Messages"]
    expect([m["Body"] for m in messages], ['{"order":42}'], "the queue's messages")
    expect(json.loads(body), {"id": messages[0]["MessageId"]}, "the mapped SQS answer")


def unsupported_media_type():
    status, body, _ = post("/orders", "plain", "text/plain")
    expect(status, 415, "status")
    expect(json.loads(body), {"message": "Unsupported Media Type"}, "body")


def mock_integration():
    common = ["--rest-api-id", R["api"], "--resource-id", R["resource"], "--http-method", "PUT"]
    apigw("put-method", *common, "--authorization-type", "NONE")
    apigw("put-integration", *common, "--type", "MOCK",
          "--request-templates", json.dumps({"application/json": '{"statusCode": 202}'}))
    apigw("put-method-response", *common, "--status-code", "202")
    apigw("put-integration-response", *common, "--status-code", "202", "--selection-pattern", "2\\d{2}",
          "--response-templates", json.dumps({"application/json": '{"stage":"$context.stage"}'}))
    apigw("create-deployment", "--rest-api-id", R["api"], "--stage-name", "prod")
    request = urllib.request.Request(f"{S.endpoint}/restapis/{R['api']}/prod/_user_request_/orders", data=b"{}",
                                     method="PUT", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=20) as answer:
        expect(answer.status, 202, "status")
        expect(json.loads(answer.read()), {"stage": "prod"}, "body")


def control_plane_errors():
    common = ["--rest-api-id", R["api"], "--resource-id", R["resource"], "--http-method", "POST"]
    expect(aws_error(S.endpoint, "apigateway", "put-method", *common, "--authorization-type", "NONE"),
           "ConflictException", "error of a second put-method")
    expect(aws_error(S.endpoint, "apigateway", "get-resource", "--rest-api-id", R["api"], "--resource-id", "nope"),
           "NotFoundException", "error of get-resource")
    expect(aws_error(S.endpoint, "apigateway", "put-integration-response", *common, "--status-code", "500"),
           "NotFoundException", "error of an integration response without its method response")
    apigw("update-integration", *common, "--patch-operations",
          "op=replace,path=/passthroughBehavior,value=WHEN_NO_MATCH")
    expect(apigw("get-integration", *common)["passthroughBehavior"], "WHEN_NO_MATCH", "patched passthroughBehavior")
    stages = apigw("get-stages", "--rest-api-id", R["api"])["item"]
    expect([s["stageName"] for s in stages], ["prod"], "stages")
    expect_true(len(apigw("get-deployments", "--rest-api-id", R["api"])["items"]) == 2, "two deployments")


def definition():
    """The call-by-call API of build_api as OpenAPI 3.0, with a body model and validator."""
    return {
        "openapi": "3.0.1", "info": {"title": S.unique("imported-orders"), "version": "1"},
        "x-amazon-apigateway-request-validators": {"body": {"validateRequestBody": True,
                                                            "validateRequestParameters": False}},
        "paths": {"/orders": {"post": {
            "x-amazon-apigateway-request-validator": "body",
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}},
            "responses": {"200": {"description": "sent"}},
            "x-amazon-apigateway-integration": {
                "type": "aws", "httpMethod": "POST", "uri": R["queue_uri"], "passthroughBehavior": "never",
                "requestParameters": {"integration.request.header.Content-Type": "'application/x-www-form-urlencoded'"},
                "requestTemplates": {"application/json": "Action=SendMessage&MessageBody=$input.body"},
                "responses": {"default": {"statusCode": "200", "responseTemplates": {
                    "application/json": '{"id":"$input.path(\'$.SendMessageResponse.SendMessageResult.MessageId\')"}'}}}}}}},
        "components": {"schemas": {"Order": {"type": "object", "required": ["order"],
                                             "properties": {"order": {"type": "integer"}}}}},
    }


def import_builds_the_same_api():
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(definition(), f)
    try:
        R["imported"] = apigw("import-rest-api", "--body", f"fileb://{f.name}")["id"]
    finally:
        os.unlink(f.name)
    apigw("create-deployment", "--rest-api-id", R["imported"], "--stage-name", "prod")
    status, body, _ = post("/orders", '{"order":7}', api=R["imported"])
    expect(status, 200, "status")
    # The queue may show build_api's message again (its visibility timeout runs on the real clock): pick ours.
    messages = sqs("receive-message", "--queue-url", R["queue_url"], "--max-number-of-messages", "10")["Messages"]
    expect_true('{"order":7}' in [m["Body"] for m in messages], "the imported API's message is in the queue")
    status, body, headers = post("/orders", '{"order":"seven"}', api=R["imported"])
    expect((status, json.loads(body)), (400, {"message": "Invalid request body"}), "a body the model refuses")


def export_imports_as_the_same_api():
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "export.yaml")
        apigw("get-export", "--rest-api-id", R["imported"], "--stage-name", "prod", "--export-type", "oas30",
              "--parameters", "extensions=integrations", "--accepts", "application/yaml", out)
        again = apigw("import-rest-api", "--body", f"fileb://{out}")["id"]
    paths = sorted(r["path"] for r in apigw("get-resources", "--rest-api-id", again)["items"])
    expect(paths, ["/", "/orders"], "the resources of the re-imported export")
    method = apigw("get-method", "--rest-api-id", again, "--resource-id",
                   [r for r in apigw("get-resources", "--rest-api-id", again)["items"] if r["path"] == "/orders"][0]["id"],
                   "--http-method", "POST")
    expect(method["methodIntegration"]["requestTemplates"]["application/json"],
           "Action=SendMessage&MessageBody=$input.body", "the re-imported integration's template")
    expect(method["requestModels"], {"application/json": "Order"}, "the re-imported request model")


def run():
    S.check("build_api", build_api)
    if S.failed:
        return S.failed
    for check in (request_reaches_the_queue, unsupported_media_type, mock_integration, control_plane_errors,
                  import_builds_the_same_api, export_imports_as_the_same_api):
        S.check(check.__name__, check)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
