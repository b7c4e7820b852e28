#!/usr/bin/python3
"""API Gateway's HTTP API (apigatewayv2) control plane through Debian's AWS CLI v2 (/usr/bin/aws): an API built
call by call (the SQS-SendMessage integration with request parameters, a route, an auto-deployed stage) accepts a
request and the message arrives in the queue; a quick-created API (`create-api --target`) calls a Java function
from a jar built here; a Lambda REQUEST authorizer (payload 2.0, simple responses, from a jar built here) refuses
a request without its identity source (401) or with the wrong one (403) and lets the right one through, and cannot
be deleted while its route uses it; route settings throttle; routes are updated and deleted; the control plane's
errors."""
import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import Suite, aws, aws_error, expect, expect_true, main_guard  # noqa: E402

S = Suite("apigatewayv2_cli")
R = {}
TMP = tempfile.mkdtemp(prefix="simstack-apigatewayv2-")
ROLE = "arn:aws:iam::000000000000:role/lambda"
# A POJO handler answering a payload 2.0 response with the event's route key and path.
HANDLER = """package example;
import java.util.Map;
public class Routes {
    public Map<String, Object> handle(Map<String, Object> event) {
        return Map.of("statusCode", 200, "body", event.get("routeKey") + " " + event.get("rawPath"));
    }
}
"""
# A payload 2.0 Lambda authorizer with simple responses: authorizes the identity "let-me-in", refuses any other.
DOORMAN = """package example;
import java.util.List;
import java.util.Map;
public class Doorman {
    public Map<String, Object> authorize(Map<String, Object> event) {
        Object identity = ((List<?>) event.get("identitySource")).get(0);
        return Map.of("isAuthorized", "let-me-in".equals(identity), "context", Map.of("user", "ada"));
    }
}
"""


def v2(*args):
    return aws(S.endpoint, "apigatewayv2", *args)


def sqs(*args):
    return aws(S.endpoint, "sqs", *args)


def call(api, stage, path, body=None, method=None):
    data = None if body is None else body.encode()
    request = urllib.request.Request(f"{S.endpoint}/_aws/execute-api/{api}/{stage}{path}", data=data,
                                     method=method or ("POST" if body is not None else "GET"),
                                     headers={"Content-Type": "application/json", "x-customer": "ada"})
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def build_api():
    R["queue_url"] = sqs("create-queue", "--queue-name", S.unique("orders"))["QueueUrl"]
    api = v2("create-api", "--name", S.unique("orders-api"), "--protocol-type", "HTTP")
    expect(api["ProtocolType"], "HTTP", "protocolType")
    expect(api["RouteSelectionExpression"], "$request.method $request.path", "routeSelectionExpression")
    R["api"] = api["ApiId"]
    integration = v2("create-integration", "--api-id", R["api"], "--integration-type", "AWS_PROXY",
                     "--integration-subtype", "SQS-SendMessage", "--payload-format-version", "1.0",
                     "--request-parameters", json.dumps({"QueueUrl": R["queue_url"],
                                                         "MessageBody": "${request.header.x-customer}: ${request.body}"}))
    R["integration"] = integration["IntegrationId"]
    route = v2("create-route", "--api-id", R["api"], "--route-key", "POST /orders", "--target",
               "integrations/" + R["integration"])
    R["route"] = route["RouteId"]
    stage = v2("create-stage", "--api-id", R["api"], "--stage-name", "prod", "--auto-deploy")
    expect(stage["AutoDeploy"], True, "autoDeploy")
    expect_true(stage.get("DeploymentId"), f"an auto-deployed stage has a deployment: {stage}")


def request_reaches_the_queue():
    status, body = call(R["api"], "prod", "/orders", '{"order":42}')
    expect(status, 200, "status")
    expect_true("SendMessageResponse" in body, f"SQS's answer: {body}")
    messages = sqs("receive-message", "--queue-url", R["queue_url"], "--max-number-of-messages", "10")["Messages"]
    expect([m["Body"] for m in messages], ['ada: {"order":42}'], "the queue's messages")


def functions_jar():
    """One jar of both handlers (Routes and Doorman), compiled here once: javac is the suite's slowest step."""
    if "jar" not in R:
        root = os.path.join(TMP, "functions")
        os.makedirs(os.path.join(root, "src", "example"))
        sources = []
        for class_name, code in (("Routes", HANDLER), ("Doorman", DOORMAN)):
            sources.append(os.path.join(root, "src", "example", class_name + ".java"))
            with open(sources[-1], "w") as f:
                f.write(code)
        subprocess.run(["javac", "--release", "17", "-d", os.path.join(root, "classes"), *sources], check=True,
                       capture_output=True, timeout=120)
        R["jar"] = os.path.join(TMP, "functions.jar")
        subprocess.run(["jar", "--create", "--file", R["jar"], "-C", os.path.join(root, "classes"), "."],
                       check=True, capture_output=True, timeout=60)
    return R["jar"]


def java_function(name, handler):
    """A java21 function of the handlers' jar; its FunctionArn."""
    return aws(S.endpoint, "lambda", "create-function", "--function-name", S.unique(name), "--runtime", "java21",
               "--handler", handler, "--role", ROLE, "--zip-file", "fileb://" + functions_jar())["FunctionArn"]


def call_with(api, path, headers):
    request = urllib.request.Request(f"{S.endpoint}/_aws/execute-api/{api}/$default{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def quick_create_calls_a_java_function():
    R["routes_function"] = java_function("routes", "example.Routes::handle")
    function = {"FunctionArn": R["routes_function"]}
    api = v2("create-api", "--name", S.unique("quick"), "--protocol-type", "HTTP", "--target",
             function["FunctionArn"])
    stages = v2("get-stages", "--api-id", api["ApiId"])["Items"]
    expect([(s["StageName"], s["AutoDeploy"]) for s in stages], [("$default", True)], "the quick-created stage")
    routes = v2("get-routes", "--api-id", api["ApiId"])["Items"]
    expect([r["RouteKey"] for r in routes], ["$default"], "the quick-created route")
    status, body = call(api["ApiId"], "$default", "/any/path")
    expect((status, body), (200, "$default /any/path"), "the function's answer")


def lambda_authorizer_refuses_and_admits():
    doorman = java_function("doorman", "example.Doorman::authorize")
    api = v2("create-api", "--name", S.unique("guarded"), "--protocol-type", "HTTP")["ApiId"]
    integration = v2("create-integration", "--api-id", api, "--integration-type", "AWS_PROXY", "--integration-uri",
                     R["routes_function"], "--payload-format-version", "2.0")["IntegrationId"]
    uri = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{doorman}/invocations"
    authorizer = v2("create-authorizer", "--api-id", api, "--name", "doorman", "--authorizer-type", "REQUEST",
                    "--authorizer-uri", uri, "--identity-source", "$request.header.X-Pass",
                    "--authorizer-payload-format-version", "2.0", "--enable-simple-responses",
                    "--authorizer-result-ttl-in-seconds", "0")
    expect((authorizer["AuthorizerType"], authorizer["IdentitySource"], authorizer["EnableSimpleResponses"]),
           ("REQUEST", ["$request.header.X-Pass"], True), "the created authorizer")
    v2("create-route", "--api-id", api, "--route-key", "GET /private", "--target", "integrations/" + integration,
       "--authorization-type", "CUSTOM", "--authorizer-id", authorizer["AuthorizerId"])
    v2("create-stage", "--api-id", api, "--stage-name", "$default", "--auto-deploy")
    expect(call_with(api, "/private", {}), (401, '{"message":"Unauthorized"}'), "without the identity source")
    expect(call_with(api, "/private", {"X-Pass": "nope"}), (403, '{"message":"Forbidden"}'), "a refused identity")
    expect(call_with(api, "/private", {"X-Pass": "let-me-in"}), (200, "GET /private /private"), "an admitted one")
    expect(aws_error(S.endpoint, "apigatewayv2", "delete-authorizer", "--api-id", api, "--authorizer-id",
                     authorizer["AuthorizerId"]), "ConflictException", "deleting an authorizer a route uses")


def route_settings_throttle():
    v2("update-stage", "--api-id", R["api"], "--stage-name", "prod", "--route-settings",
       json.dumps({"POST /orders": {"ThrottlingBurstLimit": 1, "ThrottlingRateLimit": 0.001}}))
    first, _ = call(R["api"], "prod", "/orders", '{"order":1}')
    second, body = call(R["api"], "prod", "/orders", '{"order":2}')
    expect((first, second), (200, 429), "statuses")
    expect(json.loads(body), {"message": "Too Many Requests"}, "the throttled answer")
    v2("update-stage", "--api-id", R["api"], "--stage-name", "prod", "--route-settings",
       json.dumps({"POST /orders": {"ThrottlingBurstLimit": 5000, "ThrottlingRateLimit": 10000}}))


def routes_update_and_delete():
    v2("update-route", "--api-id", R["api"], "--route-id", R["route"], "--route-key", "PUT /orders/{id}")
    expect(call(R["api"], "prod", "/orders", "{}")[0], 404, "the old route's status")
    expect(call(R["api"], "prod", "/orders/7", "{}", "PUT")[0], 200, "the moved route's status")
    listed = [a["Name"] for a in v2("get-apis")["Items"]]
    expect_true(S.unique("orders-api") in listed, f"get-apis lists the API: {listed}")
    v2("delete-route", "--api-id", R["api"], "--route-id", R["route"])
    expect(call(R["api"], "prod", "/orders/7", "{}", "PUT"), (404, '{"message":"Not Found"}'), "a deleted route")
    expect(len(v2("get-deployments", "--api-id", R["api"])["Items"]) >= 3, True, "auto deployments")


def control_plane_errors():
    expect(aws_error(S.endpoint, "apigatewayv2", "get-api", "--api-id", "nope"), "NotFoundException", "get-api")
    expect(aws_error(S.endpoint, "apigatewayv2", "create-route", "--api-id", R["api"], "--route-key", "POST/orders"),
           "BadRequestException", "a malformed route key")
    v2("create-route", "--api-id", R["api"], "--route-key", "GET /twice")
    expect(aws_error(S.endpoint, "apigatewayv2", "create-route", "--api-id", R["api"], "--route-key", "GET /twice"),
           "ConflictException", "a second route with the same key")
    expect(aws_error(S.endpoint, "apigatewayv2", "create-api", "--name", "ws", "--protocol-type", "WEBSOCKET",
                     "--route-selection-expression", "$request.body.action"), "BadRequestException", "WEBSOCKET")
    expect(aws_error(S.endpoint, "apigatewayv2", "create-integration", "--api-id", R["api"], "--integration-type",
                     "HTTP_PROXY", "--integration-uri", "https://example.com", "--integration-method", "ANY",
                     "--payload-format-version", "1.0"), "BadRequestException", "HTTP_PROXY")
    expect(aws_error(S.endpoint, "apigatewayv2", "get-stage", "--api-id", R["api"], "--stage-name", "nope"),
           "NotFoundException", "get-stage")


def run():
    S.check("build_api", build_api)
    if S.failed:
        return S.failed
    for check in (request_reaches_the_queue, quick_create_calls_a_java_function, lambda_authorizer_refuses_and_admits,
                  route_settings_throttle,
                  routes_update_and_delete, control_plane_errors):
        S.check(check.__name__, check)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
