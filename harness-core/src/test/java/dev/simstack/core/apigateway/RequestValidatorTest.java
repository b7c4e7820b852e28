package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/** A request validator on a method refuses a request without the parameters the method requires. */
class RequestValidatorTest {

    private static Stack stack;
    private static ApiGatewayClient apis;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(5).start();
        apis = ApiTestSupport.apiGateway(stack);
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
    }

    @Test
    void missing_required_parameters_are_refused_with_their_names() {
        String apiId = apis.createRestApi(b -> b.name("validated")).id();
        String root = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();
        String validator = apis.createRequestValidator(b -> b.restApiId(apiId).name("params")
                .validateRequestParameters(true)).id();
        apis.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").authorizationType("NONE")
                .requestValidatorId(validator).requestParameters(Map.of("method.request.header.X-Tenant", true,
                        "method.request.querystring.page", true, "method.request.querystring.sort", false)));
        apis.putMethodResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").statusCode("200"));
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET").statusCode("200")
                .responseTemplates(Map.of("application/json", "{\"page\":\"$input.params('page')\"}")));
        apis.createDeployment(b -> b.restApiId(apiId).stageName("prod"));
        URI base = URI.create(stack.endpoint() + "/restapis/" + apiId + "/prod/_user_request_/");

        HttpResponse<String> bare = ApiTestSupport.get(base);
        HttpResponse<String> complete = ApiTestSupport.get(URI.create(base + "?page=2"), "X-Tenant", "acme");

        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(bare.body()).isEqualTo("{\"message\": \"Missing required request parameters: [X-Tenant, page]\"}");
        assertThat(complete.statusCode()).isEqualTo(200);
        assertThat(complete.body()).isEqualTo("{\"page\":\"2\"}");
        assertThat(apis.getRequestValidators(b -> b.restApiId(apiId)).items()).hasSize(1);
    }

    @Test
    void a_method_cannot_name_a_validator_that_does_not_exist() {
        String apiId = apis.createRestApi(b -> b.name("unvalidated")).id();
        String root = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();

        assertThatThrownBy(() -> apis.putMethod(b -> b.restApiId(apiId).resourceId(root).httpMethod("GET")
                .authorizationType("NONE").requestValidatorId("nope"))).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Invalid Request Validator identifier specified");
    }
}
