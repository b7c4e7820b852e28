package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Model;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;

/** Models: JSON Schema draft 4 documents of an API, checked when written, and request bodies validated against them. */
class ModelsTest {

    private static final String ORDER = "{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"object\","
            + " \"required\": [\"sku\", \"quantity\"], \"properties\": {\"sku\": {\"type\": \"string\"},"
            + " \"quantity\": {\"type\": \"integer\", \"minimum\": 1}}}";

    private static Stack stack;
    private static ApiGatewayClient apis;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(19).start();
        apis = ApiTestSupport.apiGateway(stack);
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
    }

    @Test
    void a_new_api_has_the_default_empty_and_error_models() {
        String apiId = apis.createRestApi(b -> b.name("defaults")).id();

        var models = apis.getModels(b -> b.restApiId(apiId)).items();

        assertThat(models).extracting(Model::name).containsExactly("Empty", "Error");
        assertThat(models.get(0).contentType()).isEqualTo("application/json");
        assertThat(models.get(0).schema()).contains("\"title\" : \"Empty Schema\"");
    }

    @Test
    void models_are_created_read_updated_and_deleted() {
        String apiId = apis.createRestApi(b -> b.name("crud")).id();

        var created = apis.createModel(b -> b.restApiId(apiId).name("Order").contentType("application/json")
                .schema(ORDER).description("an order"));
        apis.updateModel(b -> b.restApiId(apiId).modelName("Order").patchOperations(
                p -> p.op(Op.REPLACE).path("/description").value("an order line")));
        var read = apis.getModel(b -> b.restApiId(apiId).modelName("Order"));
        apis.deleteModel(b -> b.restApiId(apiId).modelName("Order"));

        assertThat(read.id()).isEqualTo(created.id());
        assertThat(read.schema()).isEqualTo(ORDER);
        assertThat(read.description()).isEqualTo("an order line");
        assertThatThrownBy(() -> apis.getModel(b -> b.restApiId(apiId).modelName("Order")))
                .isInstanceOf(NotFoundException.class).hasMessageStartingWith("Invalid model name specified: Order");
    }

    @Test
    void a_schema_that_is_not_draft_4_is_refused_with_aws_message() {
        String apiId = apis.createRestApi(b -> b.name("bad-schemas")).id();

        assertThatThrownBy(() -> apis.createModel(b -> b.restApiId(apiId).name("Broken")
                .contentType("application/json").schema("{\"type\": 42}")))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith(
                        "Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema "
                                + "specified]");
        assertThatThrownBy(() -> apis.createModel(b -> b.restApiId(apiId).name("Example")
                .contentType("application/json").schema("{\"type\": \"object\", \"properties\": {\"a\": "
                        + "{\"type\": \"string\", \"example\": \"x\"}}}")))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith(
                        "Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema "
                                + "specified. Unsupported keyword(s): [\"example\"]]");
    }

    @Test
    void a_second_model_of_the_same_name_conflicts_and_a_used_model_cannot_be_deleted() {
        String apiId = apis.createRestApi(b -> b.name("in-use")).id();
        String root = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();
        apis.createModel(b -> b.restApiId(apiId).name("Order").contentType("application/json").schema(ORDER));
        apis.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").authorizationType("NONE")
                .requestModels(Map.of("application/json", "Order")));

        assertThatThrownBy(() -> apis.createModel(b -> b.restApiId(apiId).name("Order")
                .contentType("application/json").schema(ORDER)))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("Model name already exists for this REST API");
        assertThatThrownBy(() -> apis.deleteModel(b -> b.restApiId(apiId).modelName("Order")))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Cannot delete model 'Order', is referenced in method request: //POST");
        assertThatThrownBy(() -> apis.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("PUT")
                .authorizationType("NONE").requestModels(Map.of("application/json", "Nope"))))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Invalid model identifier specified: Nope");
    }

    @Test
    void a_body_validator_refuses_a_body_that_does_not_match_the_model() {
        String apiId = apis.createRestApi(b -> b.name("validated-body")).id();
        String root = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();
        apis.createModel(b -> b.restApiId(apiId).name("Order").contentType("application/json").schema(ORDER));
        String validator = apis.createRequestValidator(b -> b.restApiId(apiId).name("body")
                .validateRequestBody(true)).id();
        apis.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").authorizationType("NONE")
                .requestValidatorId(validator).requestModels(Map.of("application/json", "Order")));
        apis.putMethodResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").statusCode("200"));
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").statusCode("200")
                .responseTemplates(Map.of("application/json", "{\"accepted\":true}")));
        apis.createDeployment(b -> b.restApiId(apiId).stageName("prod"));
        URI uri = URI.create(stack.endpoint() + "/restapis/" + apiId + "/prod/_user_request_/");

        HttpResponse<String> valid = post(uri, "{\"sku\":\"A-1\",\"quantity\":2}");
        HttpResponse<String> missing = post(uri, "{\"sku\":\"A-1\"}");
        HttpResponse<String> tooFew = post(uri, "{\"sku\":\"A-1\",\"quantity\":0}");
        HttpResponse<String> notJson = post(uri, "sku=A-1");

        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(valid.body()).isEqualTo("{\"accepted\":true}");
        for (HttpResponse<String> refused : java.util.List.of(missing, tooFew, notJson)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).isEqualTo("{\"message\": \"Invalid request body\"}");
            assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        }
    }

    @Test
    void a_model_may_refer_to_another_model_of_the_api() {
        String apiId = apis.createRestApi(b -> b.name("refs")).id();
        String root = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();
        apis.createModel(b -> b.restApiId(apiId).name("Order").contentType("application/json").schema(ORDER));
        apis.createModel(b -> b.restApiId(apiId).name("Orders").contentType("application/json").schema(
                "{\"type\": \"array\", \"items\": {\"$ref\": \"https://apigateway.amazonaws.com/restapis/" + apiId
                        + "/models/Order\"}}"));
        String validator = apis.createRequestValidator(b -> b.restApiId(apiId).validateRequestBody(true)).id();
        apis.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").authorizationType("NONE")
                .requestValidatorId(validator).requestModels(Map.of("application/json", "Orders")));
        apis.putMethodResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").statusCode("200"));
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("POST").statusCode("200"));
        apis.createDeployment(b -> b.restApiId(apiId).stageName("prod"));
        URI uri = URI.create(stack.endpoint() + "/restapis/" + apiId + "/prod/_user_request_/");

        assertThat(post(uri, "[{\"sku\":\"A\",\"quantity\":1}]").statusCode()).isEqualTo(200);
        assertThat(post(uri, "[{\"sku\":\"A\"}]").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> post(URI uri, String body) {
        return ApiTestSupport.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)),
                "Content-Type", "application/json");
    }
}
