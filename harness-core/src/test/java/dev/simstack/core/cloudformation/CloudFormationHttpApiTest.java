package dev.simstack.core.cloudformation;

import static dev.simstack.core.cloudformation.CloudFormationTestSupport.cloudFormation;
import static dev.simstack.core.cloudformation.CloudFormationTestSupport.credentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.lambda.code.CodePackages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * HTTP APIs made by stacks: a SAM function's implicit and explicit HTTP APIs, and the AWS::ApiGatewayV2 resources CDK
 * emits; the stack's URL is the one AWS answers, and the API answers on the stack's execute-api path.
 */
class CloudFormationHttpApiTest {

    private static final String GREETER = """
            package example;
            import java.util.Map;
            public class Greeter {
                public Map<String, Object> handleRequest(Map<String, Object> event) {
                    return Map.of("statusCode", 200, "body", "%s from " + event.get("rawPath"));
                }
            }
            """;

    private static final String SAM = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Greeter:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: %s-greeter
                  Runtime: java17
                  Handler: example.Greeter::handleRequest
                  CodeUri: s3://artifacts/%s.jar
                  Events:
                    Hello:
                      Type: HttpApi
                      Properties: {Path: /hello, Method: GET}
                    Admin:
                      Type: HttpApi
                      Properties: {ApiId: !Ref AdminApi, Path: /admin, Method: GET}
              AdminApi:
                Type: AWS::Serverless::HttpApi
            Outputs:
              ApiUrl:
                Value: !Sub "https://${ServerlessHttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/"
              AdminUrl:
                Value: !Sub "https://${AdminApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/"
            """;

    @TempDir
    static Path work;
    static Stack stack;
    static CloudFormationClient cfn;
    static ApiGatewayV2Client apis;

    @BeforeAll
    static void start() {
        stack = Stack.start(StackConfig.defaults().withSeed(29L));
        cfn = cloudFormation(stack);
        apis = ApiGatewayV2Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).build();
        CodePackages packages = new CodePackages(work);
        try (S3Client s3 = S3Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(credentials()).build()) {
            s3.createBucket(r -> r.bucket("artifacts"));
            for (String word : new String[] {"hello", "bonjour"}) {
                byte[] jar = CodePackages.zip(packages.compile(Map.of("example.Greeter", GREETER.formatted(word))));
                s3.putObject(r -> r.bucket("artifacts").key(word + ".jar"), RequestBody.fromBytes(jar));
            }
        }
    }

    @AfterAll
    static void stop() {
        apis.close();
        cfn.close();
        stack.close();
    }

    private static Map<String, String> outputs(String name) {
        return cfn.describeStacks(r -> r.stackName(name)).stacks().get(0).outputs().stream()
                .collect(Collectors.toMap(Output::outputKey, Output::outputValue));
    }

    /** The API's id, from the URL AWS would give it. */
    private static String apiId(String url) {
        return URI.create(url).getHost().split("\\.")[0];
    }

    /** GET {@code path} on the API's {@code $default} stage, through the stack's execute-api path. */
    private static String get(String apiId, String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                stack.endpoint() + "/_aws/execute-api/" + apiId + "/$default" + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body();
    }

    private static List<String> apiIds() {
        return apis.getApis(r -> { }).items().stream().map(Api::apiId).toList();
    }

    private static void deploySam(String name, String jar, boolean create) {
        String body = SAM.formatted(name, jar);
        if (create) {
            cfn.createStack(r -> r.stackName(name).templateBody(body).capabilities(Capability.CAPABILITY_IAM,
                    Capability.CAPABILITY_AUTO_EXPAND));
        } else {
            cfn.updateStack(r -> r.stackName(name).templateBody(body).capabilities(Capability.CAPABILITY_IAM,
                    Capability.CAPABILITY_AUTO_EXPAND));
        }
    }

    @Test
    void a_sam_http_api_reaches_its_function_and_new_code_changes_the_answer() throws Exception {
        deploySam("greet", "hello", true);
        String url = outputs("greet").get("ApiUrl");
        String admin = apiId(outputs("greet").get("AdminUrl"));

        assertThat(url).matches("https://[a-z0-9]{10}\\.execute-api\\.us-east-1\\.amazonaws\\.com/");
        assertThat(get(apiId(url), "/hello")).isEqualTo("200 hello from /hello");
        assertThat(get(admin, "/admin")).isEqualTo("200 hello from /admin");
        assertThat(apis.getApi(r -> r.apiId(apiId(url))).name()).isEqualTo("greet");

        deploySam("greet", "bonjour", false);

        assertThat(outputs("greet").get("ApiUrl")).isEqualTo(url);
        assertThat(get(apiId(url), "/hello")).isEqualTo("200 bonjour from /hello");
        cfn.deleteStack(r -> r.stackName("greet"));
        assertThat(apiIds()).doesNotContain(apiId(url), admin);
    }

    @Test
    void two_stacks_have_implicit_apis_of_their_own() throws Exception {
        deploySam("first", "hello", true);
        deploySam("second", "bonjour", true);

        String first = apiId(outputs("first").get("ApiUrl"));
        String second = apiId(outputs("second").get("ApiUrl"));

        assertThat(first).isNotEqualTo(second);
        assertThat(get(first, "/hello")).isEqualTo("200 hello from /hello");
        assertThat(get(second, "/hello")).isEqualTo("200 bonjour from /hello");
        cfn.deleteStack(r -> r.stackName("first"));
        assertThat(get(second, "/hello")).isEqualTo("200 bonjour from /hello");
        cfn.deleteStack(r -> r.stackName("second"));
    }

    @Test
    void api_gateway_v2_resources_make_a_working_api_and_go_with_the_stack() throws Exception {
        cfn.createStack(r -> r.stackName("cdk").templateBody("""
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: cdk-fn
                      Runtime: java17
                      Handler: example.Greeter::handleRequest
                      Role: !Sub arn:aws:iam::${AWS::AccountId}:role/fn
                      Code: {S3Bucket: artifacts, S3Key: hello.jar}
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties: {Name: cdk-api, ProtocolType: HTTP}
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
                    Properties: {ApiId: !Ref Api, StageName: $default, AutoDeploy: true}
                  Permission:
                    Type: AWS::Lambda::Permission
                    Properties:
                      Action: lambda:InvokeFunction
                      FunctionName: !GetAtt Fn.Arn
                      Principal: apigateway.amazonaws.com
                Outputs:
                  Url:
                    Value: !GetAtt Api.ApiEndpoint
                """));
        String apiId = apiId(outputs("cdk").get("Url"));

        assertThat(get(apiId, "/items")).isEqualTo("200 hello from /items");
        assertThat(apis.getRoutes(r -> r.apiId(apiId)).items()).singleElement()
                .satisfies(route -> assertThat(route.routeKey()).isEqualTo("GET /items"));

        cfn.deleteStack(r -> r.stackName("cdk"));

        assertThat(apiIds()).doesNotContain(apiId);
    }
}
