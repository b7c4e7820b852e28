package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Model;
import software.amazon.awssdk.services.apigateway.model.PutMode;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.sqs.SqsClient;

/** OpenAPI import (ImportRestApi, PutRestApi) builds the API the call-by-call control plane builds; GetExport gives it back. */
class OpenApiImportExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Stack stack;
    private static ApiGatewayClient apis;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(23).withQueue(QueueSpec.named("orders")).start();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
        apis = ApiGatewayClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder()).build();
        sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @AfterAll
    static void stop() {
        apis.close();
        sqs.close();
        stack.close();
    }

    private static String definition() {
        try (InputStream in = OpenApiImportExportTest.class.getResourceAsStream("/openapi/orders-to-sqs.yaml")) {
            String account = stack.queue("orders").arn().split(":")[4];
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("ACCOUNT", account);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String importApi(String definition) {
        return apis.importRestApi(b -> b.body(SdkBytes.fromUtf8String(definition))).id();
    }

    private static HttpResponse<String> post(String apiId, String body) {
        URI uri = URI.create(stack.endpoint() + "/restapis/" + apiId + "/prod/_user_request_/orders");
        return ApiTestSupport.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)),
                "Content-Type", "application/json");
    }

    @Test
    void an_imported_yaml_definition_serves_requests_to_sqs_and_validates_bodies() {
        String apiId = importApi(definition());
        apis.createDeployment(b -> b.restApiId(apiId).stageName("prod"));

        HttpResponse<String> sent = post(apiId, "{\"sku\":\"A-1\",\"lines\":[{\"quantity\":2}]}");
        HttpResponse<String> refused = post(apiId, "{\"lines\":[{\"quantity\":\"two\"}]}");

        var messages = sqs.receiveMessage(b -> b.queueUrl(stack.queue("orders").url()).maxNumberOfMessages(10))
                .messages();
        assertThat(messages).extracting(m -> m.body()).containsExactly("{\"sku\":\"A-1\",\"lines\":[{\"quantity\":2}]}");
        sqs.deleteMessage(b -> b.queueUrl(stack.queue("orders").url()).receiptHandle(messages.get(0).receiptHandle()));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).isEqualTo("{\"id\":\"" + messages.get(0).messageId() + "\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("{\"message\": \"Invalid request body\"}");
    }

    @Test
    void an_import_builds_the_resources_methods_models_and_validators_the_definition_declares() {
        String apiId = importApi(definition());

        var api = apis.getRestApi(b -> b.restApiId(apiId));
        Resource orders = apis.getResources(b -> b.restApiId(apiId)).items().stream()
                .filter(r -> r.path().equals("/orders")).findFirst().orElseThrow();
        var method = apis.getMethod(b -> b.restApiId(apiId).resourceId(orders.id()).httpMethod("POST"));

        assertThat(api.name()).isEqualTo("orders-api");
        assertThat(apis.getModels(b -> b.restApiId(apiId)).items()).extracting(Model::name)
                .containsExactly("Empty", "Line", "Order");
        assertThat(apis.getModel(b -> b.restApiId(apiId).modelName("Order")).schema())
                .contains("\"$ref\" : \"https://apigateway.amazonaws.com/restapis/" + apiId + "/models/Line\"");
        assertThat(method.operationName()).isEqualTo("sendOrder");
        assertThat(method.requestModels()).isEqualTo(Map.of("application/json", "Order"));
        assertThat(apis.getRequestValidator(b -> b.restApiId(apiId).requestValidatorId(method.requestValidatorId()))
                .validateRequestBody()).isTrue();
        assertThat(method.methodIntegration().type()).isEqualTo(IntegrationType.AWS);
        assertThat(method.methodIntegration().passthroughBehavior()).isEqualTo("NEVER");
        assertThat(method.methodIntegration().integrationResponses().get("200").responseTemplates())
                .containsKey("application/json");
    }

    @Test
    void an_export_with_integrations_imports_as_the_same_api() throws IOException {
        String first = importApi(definition());
        apis.createDeployment(b -> b.restApiId(first).stageName("prod"));

        String exported = apis.getExport(b -> b.restApiId(first).stageName("prod").exportType("oas30")
                .accepts("application/yaml").parameters(Map.of("extensions", "integrations"))).body().asUtf8String();
        String second = importApi(exported);
        apis.createDeployment(b -> b.restApiId(second).stageName("prod"));
        String again = apis.getExport(b -> b.restApiId(second).stageName("prod").exportType("oas30")
                .parameters(Map.of("extensions", "integrations"))).body().asUtf8String();

        JsonNode one = YAML.readTree(exported);
        JsonNode two = JSON.readTree(again);
        assertThat(two.path("paths")).isEqualTo(one.path("paths"));
        assertThat(two.path("components")).isEqualTo(one.path("components"));
        assertThat(one.path("paths").path("/orders").path("post").path("x-amazon-apigateway-integration")
                .path("type").asText()).isEqualTo("aws");
        assertThat(post(second, "{\"sku\":\"B\"}").statusCode()).isEqualTo(200);
        sqs.purgeQueue(b -> b.queueUrl(stack.queue("orders").url()));
    }

    @Test
    void an_api_built_call_by_call_exports_a_swagger_definition_that_rebuilds_it() throws IOException {
        String apiId = apis.createRestApi(b -> b.name("mocked")).id();
        String root = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();
        String pets = apis.createResource(b -> b.restApiId(apiId).parentId(root).pathPart("pets")).id();
        apis.putMethod(b -> b.restApiId(apiId).resourceId(pets).httpMethod("GET").authorizationType("NONE")
                .requestParameters(Map.of("method.request.querystring.page", true)));
        apis.putMethodResponse(b -> b.restApiId(apiId).resourceId(pets).httpMethod("GET").statusCode("200"));
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(pets).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(pets).httpMethod("GET").statusCode("200")
                .responseTemplates(Map.of("application/json", "{\"page\":\"$input.params('page')\"}")));
        apis.createDeployment(b -> b.restApiId(apiId).stageName("prod"));

        var export = apis.getExport(b -> b.restApiId(apiId).stageName("prod").exportType("swagger")
                .parameters(Map.of("extensions", "apigateway")));
        String rebuilt = importApi(export.body().asUtf8String());
        apis.createDeployment(b -> b.restApiId(rebuilt).stageName("prod"));
        HttpResponse<String> answer = ApiTestSupport.get(URI.create(stack.endpoint() + "/restapis/" + rebuilt
                + "/prod/_user_request_/pets?page=3"));

        JsonNode swagger = JSON.readTree(export.body().asUtf8String());
        assertThat(export.contentType()).isEqualTo("application/json");
        assertThat(swagger.path("swagger").asText()).isEqualTo("2.0");
        assertThat(swagger.path("basePath").asText()).isEqualTo("/prod");
        assertThat(swagger.path("paths").path("/pets").path("get").path("parameters").get(0).toString())
                .isEqualTo("{\"name\":\"page\",\"in\":\"query\",\"required\":true,\"type\":\"string\"}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"page\":\"3\"}");
    }

    @Test
    void put_rest_api_overwrites_or_merges_the_definition_into_an_existing_api() {
        String apiId = apis.createRestApi(b -> b.name("to-replace")).id();
        String root = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();
        apis.createResource(b -> b.restApiId(apiId).parentId(root).pathPart("legacy"));
        String health = "openapi: 3.0.1\ninfo: {title: health, version: '1'}\npaths:\n  /health:\n    get:\n"
                + "      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: "
                + "'{\"statusCode\": 200}'}}\n";

        apis.putRestApi(b -> b.restApiId(apiId).mode(PutMode.MERGE).body(SdkBytes.fromUtf8String(health)));
        var merged = apis.getResources(b -> b.restApiId(apiId)).items().stream().map(Resource::path).toList();
        apis.putRestApi(b -> b.restApiId(apiId).mode(PutMode.OVERWRITE).body(SdkBytes.fromUtf8String(health)));
        var overwritten = apis.getResources(b -> b.restApiId(apiId)).items().stream().map(Resource::path).toList();

        assertThat(merged).containsExactly("/", "/health", "/legacy");
        assertThat(overwritten).containsExactly("/", "/health");
        assertThat(apis.getRestApi(b -> b.restApiId(apiId)).name()).isEqualTo("health");
    }

    @Test
    void a_swagger_body_parameter_becomes_the_request_model_and_an_api_key_scheme_requires_a_key() {
        String swagger = "swagger: '2.0'\ninfo: {title: pets, version: '1'}\nconsumes: [application/json]\n"
                + "securityDefinitions:\n  api_key: {type: apiKey, name: x-api-key, in: header}\n"
                + "x-amazon-apigateway-request-validators:\n  all: {validateRequestBody: true, "
                + "validateRequestParameters: true}\nx-amazon-apigateway-request-validator: all\n"
                + "paths:\n  /pets/{petId}:\n    parameters:\n    - {name: petId, in: path, required: true, type: string}\n"
                + "    put:\n      security: [{api_key: []}]\n      parameters:\n"
                + "      - {name: X-Owner, in: header, required: true, type: string}\n"
                + "      - {name: pet, in: body, required: true, schema: {$ref: '#/definitions/Pet'}}\n"
                + "      responses: {'200': {description: ok, headers: {ETag: {type: string}}}}\n"
                + "      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: "
                + "'{\"statusCode\": 200}'}, responses: {default: {statusCode: '200'}}}\n"
                + "definitions:\n  Pet: {type: object, required: [name], properties: {name: {type: string}}}\n";

        String apiId = importApi(swagger);
        String petId = apis.getResources(b -> b.restApiId(apiId)).items().stream()
                .filter(r -> r.path().equals("/pets/{petId}")).findFirst().orElseThrow().id();
        var method = apis.getMethod(b -> b.restApiId(apiId).resourceId(petId).httpMethod("PUT"));

        assertThat(method.apiKeyRequired()).isTrue();
        assertThat(method.requestModels()).isEqualTo(Map.of("application/json", "Pet"));
        assertThat(method.requestParameters()).isEqualTo(Map.of("method.request.path.petId", true,
                "method.request.header.X-Owner", true));
        assertThat(method.methodResponses().get("200").responseParameters())
                .isEqualTo(Map.of("method.response.header.ETag", false));
    }

    @Test
    void a_refused_definition_leaves_the_api_as_it_was() {
        String apiId = importApi(definition());
        String http = "openapi: 3.0.1\ninfo: {title: proxied, version: '1'}\npaths:\n  /other:\n    get:\n"
                + "      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: 'https://example.com'}\n";

        assertThatThrownBy(() -> apis.putRestApi(b -> b.restApiId(apiId).mode(PutMode.OVERWRITE)
                .body(SdkBytes.fromUtf8String(http)))).isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("SimStack cannot call integration HTTP_PROXY https://example.com");
        assertThat(apis.getResources(b -> b.restApiId(apiId)).items()).extracting(Resource::path)
                .containsExactlyInAnyOrder("/", "/orders");
        assertThat(apis.getRestApi(b -> b.restApiId(apiId)).name()).isEqualTo("orders-api");
    }

    @Test
    void an_extension_simstack_does_not_import_is_refused_by_name() {
        String withBinaryTypes = "swagger: '2.0'\ninfo: {title: binary, version: '1'}\n"
                + "x-amazon-apigateway-binary-media-types: ['image/png']\npaths: {}\n";

        assertThatThrownBy(() -> importApi(withBinaryTypes)).isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("SimStack does not import x-amazon-apigateway-binary-media-types: remove them");
        assertThatThrownBy(() -> importApi("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("got openapi 3.1.0");
    }
}
