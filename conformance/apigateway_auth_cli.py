#!/usr/bin/python3
"""API Gateway's Lambda authorizers and gateway responses through Debian's AWS CLI v2 (/usr/bin/aws): a TOKEN
authorizer whose function is a POJO handler compiled here into a jar and uploaded (`create-function --zip-file`),
a CUSTOM method behind it with a MOCK integration that answers `$context.authorizer.*`, then requests without a
token (401), with a token the policy denies (403) and with one it allows (200); last, a customised UNAUTHORIZED
gateway response. A suite of its own, so it runs beside apigateway_cli within the per-suite time limit."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import Suite, aws, expect, main_guard  # noqa: E402

S = Suite("apigateway_auth_cli")
R = {}
TMP = tempfile.mkdtemp(prefix="simstack-apigateway-auth-")
# "Bearer let-me-in" is allowed on the method it was asked about, any other token explicitly denied.
GATEKEEPER = """package example;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
public class Gatekeeper {
    public Map<String, Object> authorize(Map<String, Object> event) {
        Map<String, Object> statement = new HashMap<>();
        statement.put("Action", "execute-api:Invoke");
        statement.put("Effect", "Bearer let-me-in".equals(event.get("authorizationToken")) ? "Allow" : "Deny");
        statement.put("Resource", event.get("methodArn"));
        Map<String, Object> answer = new HashMap<>();
        answer.put("principalId", "conformance-user");
        answer.put("policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(statement)));
        answer.put("context", Map.of("user", "ada"));
        return answer;
    }
}
"""


def apigw(*args):
    return aws(S.endpoint, "apigateway", *args)


def gatekeeper_jar():
    os.makedirs(os.path.join(TMP, "src", "example"))
    source = os.path.join(TMP, "src", "example", "Gatekeeper.java")
    with open(source, "w") as f:
        f.write(GATEKEEPER)
    subprocess.run(["javac", "--release", "17", "-d", os.path.join(TMP, "classes"), source], check=True,
                   capture_output=True, timeout=120)
    jar = os.path.join(TMP, "gatekeeper.jar")
    subprocess.run(["jar", "--create", "--file", jar, "-C", os.path.join(TMP, "classes"), "."], check=True,
                   capture_output=True, timeout=60)
    return jar


def get(path, headers):
    request = urllib.request.Request(f"{S.endpoint}/restapis/{R['api']}/prod/_user_request_{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, answer.read().decode(), dict(answer.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), dict(e.headers)


def build_guarded_api():
    function = aws(S.endpoint, "lambda", "create-function", "--function-name", S.unique("gatekeeper"),
                   "--runtime", "java17", "--handler", "example.Gatekeeper::authorize",
                   "--role", "arn:aws:iam::000000000000:role/authorizer", "--zip-file", "fileb://" + gatekeeper_jar())
    R["api"] = apigw("create-rest-api", "--name", S.unique("guarded-api"))["id"]
    uri = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{function['FunctionArn']}/invocations"
    authorizer = apigw("create-authorizer", "--rest-api-id", R["api"], "--name", "gatekeeper", "--type", "TOKEN",
                       "--authorizer-uri", uri, "--identity-source", "method.request.header.Authorization",
                       "--authorizer-result-ttl-in-seconds", "0")
    expect([a["id"] for a in apigw("get-authorizers", "--rest-api-id", R["api"])["items"]], [authorizer["id"]],
           "get-authorizers")
    root = [r for r in apigw("get-resources", "--rest-api-id", R["api"])["items"] if r["path"] == "/"][0]
    resource = apigw("create-resource", "--rest-api-id", R["api"], "--parent-id", root["id"], "--path-part", "me")
    common = ["--rest-api-id", R["api"], "--resource-id", resource["id"], "--http-method", "GET"]
    apigw("put-method", *common, "--authorization-type", "CUSTOM", "--authorizer-id", authorizer["id"])
    apigw("put-integration", *common, "--type", "MOCK",
          "--request-templates", json.dumps({"application/json": '{"statusCode": 200}'}))
    apigw("put-method-response", *common, "--status-code", "200")
    apigw("put-integration-response", *common, "--status-code", "200", "--response-templates",
          json.dumps({"application/json": '{"principal":"$context.authorizer.principalId",'
                                          '"user":"$context.authorizer.user"}'}))
    apigw("create-deployment", "--rest-api-id", R["api"], "--stage-name", "prod")


def lambda_authorizer_denies_and_allows():
    status, body, _ = get("/me", {})
    expect((status, json.loads(body)), (401, {"message": "Unauthorized"}), "without a token")
    status, body, headers = get("/me", {"Authorization": "Bearer guess"})
    expect((status, json.loads(body)),
           (403, {"message": "User is not authorized to access this resource with an explicit deny"}),
           "with a token the policy denies")
    expect(headers.get("x-amzn-ErrorType"), "AccessDeniedException", "x-amzn-ErrorType of the deny")
    status, body, _ = get("/me", {"Authorization": "Bearer let-me-in"})
    expect((status, json.loads(body)), (200, {"principal": "conformance-user", "user": "ada"}),
           "with a token the policy allows")


def gateway_response_customised():
    apigw("put-gateway-response", "--rest-api-id", R["api"], "--response-type", "UNAUTHORIZED",
          "--response-parameters", json.dumps({"gatewayresponse.header.WWW-Authenticate": "'Bearer'"}))
    responses = {r["responseType"]: r for r in apigw("get-gateway-responses", "--rest-api-id", R["api"])["items"]}
    expect(responses["UNAUTHORIZED"]["defaultResponse"], False, "UNAUTHORIZED's defaultResponse")
    expect(responses["ACCESS_DENIED"]["defaultResponse"], True, "ACCESS_DENIED's defaultResponse")
    status, _, headers = get("/me", {})
    expect((status, headers.get("WWW-Authenticate")), (401, "Bearer"), "the customised 401")


def clean_up():
    aws(S.endpoint, "apigateway", "delete-rest-api", "--rest-api-id", R["api"], expect_json=False)
    aws(S.endpoint, "lambda", "delete-function", "--function-name", S.unique("gatekeeper"), expect_json=False)


def run():
    try:
        if S.check("build_guarded_api", build_guarded_api):
            for check in (lambda_authorizer_denies_and_allows, gateway_response_customised, clean_up):
                S.check(check.__name__, check)
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
