#!/usr/bin/python3
"""CloudFormation's HTTP APIs through Debian's AWS CLI v2 (/usr/bin/aws): `aws cloudformation deploy` of a SAM
function from a jar in our S3 behind its implicit HTTP API (ServerlessHttpApi) and an explicit
AWS::Serverless::HttpApi; a request through each API reaches the function; a second deploy naming a second jar
changes the answer; delete-stack removes the APIs (GetApis) and the function. Then the plain AWS::ApiGatewayV2
resources CDK emits, created with boto3 (CDK drives CloudFormation through its own client). The stack outputs the
URL AWS would (https://ID.execute-api.REGION.amazonaws.com/); on the launcher the API answers at
/_aws/execute-api/ID/$default/... of its endpoint. Only `deploy` goes through the CLI; the rest through boto3
(one CLI call costs seconds on a busy machine)."""
import os
import subprocess
import sys
import tempfile
import urllib.request

import boto3

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from conformance import Suite, aws, expect, expect_true, main_guard  # noqa: E402

S = Suite("cloudformation_http_cli")
TMP = tempfile.mkdtemp(prefix="simstack-cloudformation-http-")


def client(service):
    return boto3.client(service, endpoint_url=S.endpoint, region_name="us-east-1", aws_access_key_id="test",
                        aws_secret_access_key="test")


# An HTTP API's Lambda proxy (payload format 2.0): the answer names the jar's version and the path asked for.
GREETER = """package example;
import java.util.Map;
public class Greeter {
    public Map<String, Object> handleRequest(Map<String, Object> event) {
        return Map.of("statusCode", 200, "body", "hello %(version)s from " + event.get("rawPath"));
    }
}
"""

HTTP_APP = """Transform: AWS::Serverless-2016-10-31
Resources:
  Greeter:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: %(prefix)s-greeter
      Runtime: java17
      Handler: example.Greeter::handleRequest
      CodeUri: s3://%(bucket)s/%(key)s
      Events:
        Hello:
          Type: HttpApi
          Properties:
            Path: /hello
            Method: GET
        Admin:
          Type: HttpApi
          Properties:
            ApiId: !Ref AdminApi
            Path: /admin
            Method: GET
  AdminApi:
    Type: AWS::Serverless::HttpApi
Outputs:
  ApiUrl:
    Value: !Sub "https://${ServerlessHttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/"
  AdminUrl:
    Value: !Sub "https://${AdminApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/"
"""

# What CDK's HttpApi construct emits: the API, a Lambda proxy integration, a route, the auto-deployed $default stage
# and the permission API Gateway needs to call the function.
CDK_HTTP_APP = """Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: %(prefix)s-cdk-fn
      Runtime: java17
      Handler: example.Greeter::handleRequest
      Role: !Sub arn:aws:iam::${AWS::AccountId}:role/lambda
      Code:
        S3Bucket: %(bucket)s
        S3Key: %(key)s
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: %(prefix)s-cdk
      ProtocolType: HTTP
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Api
      IntegrationType: AWS_PROXY
      IntegrationUri: !GetAtt Fn.Arn
      PayloadFormatVersion: '2.0'
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Api
      RouteKey: GET /items
      Target: !Sub integrations/${Integration}
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !Ref Api
      StageName: $default
      AutoDeploy: true
  Permission:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !GetAtt Fn.Arn
      Principal: apigateway.amazonaws.com
      SourceArn: !Sub arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/*
Outputs:
  Url:
    Value: !GetAtt Api.ApiEndpoint
"""


def unique(base):
    """A name CloudFormation and S3 both take (letters, digits, hyphens; lower case), unique per run."""
    return f"{base}-{S.unique('x').rsplit('-', 1)[1][-10:]}"


def write(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def stack_status(name):
    return client("cloudformation").describe_stacks(StackName=name)["Stacks"][0]["StackStatus"]


def build_jar(name, source_text, class_name):
    jar = os.path.join(TMP, name + ".jar")
    if os.path.exists(jar):  # built by an earlier check
        return jar
    root = os.path.join(TMP, name)
    os.makedirs(os.path.join(root, "src", "example"))
    source = os.path.join(root, "src", "example", class_name + ".java")
    with open(source, "w") as f:
        f.write(source_text)
    subprocess.run(["javac", "--release", "17", "-d", os.path.join(root, "classes"), source], check=True,
                   capture_output=True, timeout=120)
    subprocess.run(["jar", "--create", "--file", jar, "-C", os.path.join(root, "classes"), "."], check=True,
                   capture_output=True, timeout=60)
    return jar


def upload_greeters(bucket):
    """Two jars of example.Greeter, answering "hello v1" and "hello v2", as greeter-v1.jar and greeter-v2.jar."""
    s3 = client("s3")
    s3.create_bucket(Bucket=bucket)
    for version in ("v1", "v2"):
        with open(build_jar("greeter-" + version, GREETER % {"version": version}, "Greeter"), "rb") as jar:
            s3.put_object(Bucket=bucket, Key=f"greeter-{version}.jar", Body=jar.read())


def through_the_api(url, path):
    """GET of `path` on the API whose AWS URL is `url`, through the launcher's execute-api path ($default stage)."""
    api_id = url.split("://", 1)[1].split(".", 1)[0]
    with urllib.request.urlopen(f"{S.endpoint}/_aws/execute-api/{api_id}/$default{path}", timeout=30) as answer:
        return answer.status, answer.read().decode()


def outputs(stack):
    found = client("cloudformation").describe_stacks(StackName=stack)["Stacks"][0].get("Outputs", [])
    return {o["OutputKey"]: o["OutputValue"] for o in found}


def api_ids():
    return [api["ApiId"] for api in client("apigatewayv2").get_apis().get("Items", [])]


def sam_http_api_reaches_the_function_and_a_new_jar_changes_its_answer():
    prefix = unique("greet")
    bucket = prefix + "-artifacts"
    upload_greeters(bucket)
    name = prefix + "-stack"

    def deploy(key):
        aws(S.endpoint, "cloudformation", "deploy", "--template-file",
            write(prefix + ".yaml", HTTP_APP % {"prefix": prefix, "bucket": bucket, "key": key}), "--stack-name",
            name, "--capabilities", "CAPABILITY_IAM", expect_json=False)

    deploy("greeter-v1.jar")
    out = outputs(name)
    url, admin = out["ApiUrl"], out["AdminUrl"]
    expect_true(url.startswith("https://") and url.endswith(".execute-api.us-east-1.amazonaws.com/"),
                f"the API's URL as AWS gives it: {url}")
    expect(through_the_api(url, "/hello"), (200, "hello v1 from /hello"), "the implicit API's answer")
    expect(through_the_api(admin, "/admin"), (200, "hello v1 from /admin"), "the explicit API's answer")
    ids = [u.split("://", 1)[1].split(".", 1)[0] for u in (url, admin)]
    expect_true(all(i in api_ids() for i in ids), "GetApis lists both APIs")
    deploy("greeter-v2.jar")
    expect(stack_status(name), "UPDATE_COMPLETE", "StackStatus after the second deploy")
    expect(outputs(name)["ApiUrl"], url, "the API is kept by the code update")
    expect(through_the_api(url, "/hello"), (200, "hello v2 from /hello"), "the answer after the new jar")
    stack_id = client("cloudformation").describe_stacks(StackName=name)["Stacks"][0]["StackId"]
    client("cloudformation").delete_stack(StackName=name)
    expect(stack_status(stack_id), "DELETE_COMPLETE", "the stack after delete-stack")
    left = [i for i in ids if i in api_ids()]
    expect(left, [], "APIs left after delete-stack")
    functions = [f["FunctionName"] for f in client("lambda").list_functions()["Functions"]]
    expect_true(prefix + "-greeter" not in functions, f"functions left: {functions}")


def cdk_style_http_api_resources():
    prefix = unique("cdk")
    bucket = prefix + "-artifacts"
    upload_greeters(bucket)
    name = prefix + "-stack"
    client("cloudformation").create_stack(StackName=name, TemplateBody=CDK_HTTP_APP % {
        "prefix": prefix, "bucket": bucket, "key": "greeter-v1.jar"})
    expect(stack_status(name), "CREATE_COMPLETE", "StackStatus")
    url = outputs(name)["Url"]
    expect(through_the_api(url, "/items"), (200, "hello v1 from /items"), "the route's answer")
    types = sorted(r["ResourceType"] for r in
                   client("cloudformation").describe_stack_resources(StackName=name)["StackResources"])
    expect(types, ["AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Route",
                   "AWS::ApiGatewayV2::Stage", "AWS::Lambda::Function", "AWS::Lambda::Permission"], "resource types")
    api_id = url.split("://", 1)[1].split(".", 1)[0]
    client("cloudformation").delete_stack(StackName=name)
    expect_true(api_id not in api_ids(), "the API is gone after delete-stack")


def run():
    S.check("sam_http_api_reaches_the_function_and_a_new_jar_changes_its_answer",
            sam_http_api_reaches_the_function_and_a_new_jar_changes_its_answer)
    S.check("cdk_style_http_api_resources", cdk_style_http_api_resources)
    return S.failed


if __name__ == "__main__":
    main_guard(run)
