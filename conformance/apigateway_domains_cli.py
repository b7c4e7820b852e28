#!/usr/bin/python3
"""API Gateway's custom domain names through Debian's AWS CLI v2 (/usr/bin/aws): a REGIONAL domain name with a
base path mapping made by apigateway, read back as an API mapping by apigatewayv2 (one namespace), moved, and
deleted, with AWS's errors; then an OpenAPI definition whose security scheme is a Lambda TOKEN authorizer
(x-amazon-apigateway-authorizer), imported with import-rest-api: the authorizer denies and allows, as the
call-by-call API of apigateway_auth_cli does. A suite of its own, within the per-suite time limit."""
import json
import os
import re
import shutil
import sys
import tempfile
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from conformance import Suite, aws, aws_error, expect, expect_true, main_guard  # noqa: E402
import apigateway_auth_cli as auth  # noqa: E402  (its Gatekeeper authorizer and the jar built from it)

S = Suite("apigateway_domains_cli")
R = {}
CERT = "arn:aws:acm:us-east-1:000000000000:certificate/conformance"


def apigw(*args):
    return aws(S.endpoint, "apigateway", *args)


def apigw2(*args):
    return aws(S.endpoint, "apigatewayv2", *args)


def get(api, path, headers):
    request = urllib.request.Request(f"{S.endpoint}/restapis/{api}/prod/_user_request_{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def mock_api():
    api = apigw("create-rest-api", "--name", S.unique("domain-api"))["id"]
    root = [r for r in apigw("get-resources", "--rest-api-id", api)["items"] if r["path"] == "/"][0]
    common = ["--rest-api-id", api, "--resource-id", root["id"], "--http-method", "GET"]
    apigw("put-method", *common, "--authorization-type", "NONE")
    apigw("put-integration", *common, "--type", "MOCK",
          "--request-templates", json.dumps({"application/json": '{"statusCode": 200}'}))
    apigw("create-deployment", "--rest-api-id", api, "--stage-name", "prod")
    return api


def domain_and_base_path_round_trip():
    api = mock_api()
    domain = re.sub(r"[^a-z0-9-]", "-", S.unique("shop").lower()) + ".example.com"  # a DNS label
    created = apigw("create-domain-name", "--domain-name", domain, "--regional-certificate-arn", CERT,
                    "--endpoint-configuration", "types=REGIONAL", "--security-policy", "TLS_1_2")
    expect_true(re.fullmatch(r"d-[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com",
                             created["regionalDomainName"]) is not None, "the regional domain name's shape")
    expect(created["regionalHostedZoneId"], "Z1UJRXOUMOOFQ8", "the regional hosted zone")
    expect(aws_error(S.endpoint, "apigateway", "create-domain-name", "--domain-name", domain,
                     "--regional-certificate-arn", CERT, "--endpoint-configuration", "types=REGIONAL"),
           "ConflictException", "error of a second create-domain-name")
    mapping = apigw("create-base-path-mapping", "--domain-name", domain, "--rest-api-id", api, "--stage", "prod")
    expect(mapping, {"basePath": "(none)", "restApiId": api, "stage": "prod"}, "the mapping without a base path")
    expect(aws_error(S.endpoint, "apigateway", "create-base-path-mapping", "--domain-name", domain,
                     "--rest-api-id", api, "--stage", "beta", "--base-path", "v1"),
           "BadRequestException", "error of a mapping to a missing stage")
    v2 = apigw2("get-api-mappings", "--domain-name", domain)["Items"]
    expect([(m["ApiId"], m["ApiMappingKey"], m["Stage"]) for m in v2], [(api, "", "prod")],
           "the base path mapping as apigatewayv2's API mapping")
    expect(apigw2("get-domain-name", "--domain-name", domain)["DomainNameConfigurations"][0]["ApiGatewayDomainName"],
           created["regionalDomainName"], "the domain name through apigatewayv2")
    moved = apigw("update-base-path-mapping", "--domain-name", domain, "--base-path", "(none)",
                  "--patch-operations", "op=replace,path=/basePath,value=v1")
    expect(moved["basePath"], "v1", "the moved base path")
    aws(S.endpoint, "apigateway", "delete-base-path-mapping", "--domain-name", domain, "--base-path", "v1",
        expect_json=False)
    aws(S.endpoint, "apigateway", "delete-domain-name", "--domain-name", domain, expect_json=False)
    expect(aws_error(S.endpoint, "apigatewayv2", "get-domain-name", "--domain-name", domain), "NotFoundException",
           "error of get-domain-name after delete-domain-name")
    aws(S.endpoint, "apigateway", "delete-rest-api", "--rest-api-id", api, expect_json=False)


def imported_authorizer_denies_and_allows():
    function = aws(S.endpoint, "lambda", "create-function", "--function-name", S.unique("gatekeeper"),
                   "--runtime", "java17", "--handler", "example.Gatekeeper::authorize",
                   "--role", "arn:aws:iam::000000000000:role/authorizer", "--zip-file", "fileb://" + auth.gatekeeper_jar())
    uri = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{function['FunctionArn']}/invocations"
    definition = {
        "openapi": "3.0.1", "info": {"title": S.unique("imported-guarded"), "version": "1"},
        "paths": {"/me": {"get": {
            "security": [{"gatekeeper": []}],
            "responses": {"200": {"description": "ok"}},
            "x-amazon-apigateway-integration": {
                "type": "mock", "requestTemplates": {"application/json": '{"statusCode": 200}'},
                "responses": {"default": {"statusCode": "200", "responseTemplates": {
                    "application/json": '{"principal":"$context.authorizer.principalId"}'}}}}}}},
        "components": {"securitySchemes": {"gatekeeper": {
            "type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "custom",
            "x-amazon-apigateway-authorizer": {"type": "token", "authorizerUri": uri,
                                               "authorizerResultTtlInSeconds": 0}}}},
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(definition, f)
    try:
        api = apigw("import-rest-api", "--body", f"fileb://{f.name}")["id"]
    finally:
        os.unlink(f.name)
    authorizers = apigw("get-authorizers", "--rest-api-id", api)["items"]
    expect([(a["name"], a["type"], a["identitySource"]) for a in authorizers],
           [("gatekeeper", "TOKEN", "method.request.header.Authorization")], "the imported authorizer")
    apigw("create-deployment", "--rest-api-id", api, "--stage-name", "prod")
    status, body = get(api, "/me", {"Authorization": "Bearer guess"})
    expect((status, json.loads(body)),
           (403, {"message": "User is not authorized to access this resource with an explicit deny"}),
           "with a token the imported authorizer denies")
    status, body = get(api, "/me", {"Authorization": "Bearer let-me-in"})
    expect((status, json.loads(body)), (200, {"principal": "conformance-user"}), "with a token it allows")
    aws(S.endpoint, "apigateway", "delete-rest-api", "--rest-api-id", api, expect_json=False)
    aws(S.endpoint, "lambda", "delete-function", "--function-name", S.unique("gatekeeper"), expect_json=False)


def run():
    try:
        for check in (domain_and_base_path_round_trip, imported_authorizer_denies_and_allows):
            S.check(check.__name__, check)
    finally:
        shutil.rmtree(auth.TMP, ignore_errors=True)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
