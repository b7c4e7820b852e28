package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.GetMethodResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;

/** The control-plane calls Terraform's aws_api_gateway_* resources and the CLI make, with AWS's answers. */
class ResourcesMethodsIntegrationsTest {

    private static Stack stack;
    private static ApiGatewayClient apis;
    private String apiId;
    private String rootId;
    private String ordersId;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(1).start();
        apis = ApiTestSupport.apiGateway(stack);
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
    }

    @BeforeEach
    void api() {
        apiId = apis.createRestApi(b -> b.name("orders-api")).id();
        rootId = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();
        ordersId = apis.createResource(b -> b.restApiId(apiId).parentId(rootId).pathPart("orders")).id();
    }

    private static PatchOperation patch(Op op, String path, String value) {
        return PatchOperation.builder().op(op).path(path).value(value).build();
    }

    private void mockMethod(String httpMethod) {
        apis.putMethod(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod(httpMethod).authorizationType("NONE"));
        apis.putIntegration(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod(httpMethod)
                .type(IntegrationType.MOCK).requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    }

    @Test
    void a_resource_is_read_moved_and_deleted_with_its_children() {
        String itemId = apis.createResource(b -> b.restApiId(apiId).parentId(ordersId).pathPart("{id}")).id();

        apis.updateResource(b -> b.restApiId(apiId).resourceId(ordersId)
                .patchOperations(patch(Op.REPLACE, "/pathPart", "purchases")));

        assertThat(apis.getResource(b -> b.restApiId(apiId).resourceId(itemId)).path()).isEqualTo("/purchases/{id}");
        apis.deleteResource(b -> b.restApiId(apiId).resourceId(ordersId));
        assertThat(apis.getResources(b -> b.restApiId(apiId)).items()).hasSize(1);
        assertThatThrownBy(() -> apis.getResource(b -> b.restApiId(apiId).resourceId(itemId)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Resource identifier specified");
    }

    @Test
    void a_second_put_method_conflicts_and_update_method_patches() {
        apis.putMethod(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("POST").authorizationType("NONE"));

        assertThatThrownBy(() -> apis.putMethod(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("POST")
                .authorizationType("NONE"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Method already exists for this resource");
        apis.updateMethod(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("POST").patchOperations(
                patch(Op.REPLACE, "/apiKeyRequired", "true"),
                patch(Op.ADD, "/requestParameters/method.request.header.X-Tenant", "true")));
        GetMethodResponse method = apis.getMethod(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("POST"));
        assertThat(method.apiKeyRequired()).isTrue();
        assertThat(method.requestParameters()).containsEntry("method.request.header.X-Tenant", true);
    }

    @Test
    void get_method_embeds_the_method_responses_and_the_integration_with_its_responses() {
        mockMethod("GET");
        apis.putMethodResponse(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET").statusCode("200")
                .responseParameters(Map.of("method.response.header.X-Id", false)));
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET").statusCode("200")
                .responseTemplates(Map.of("application/json", "{\"ok\":true}")));

        GetMethodResponse method = apis.getMethod(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET"));

        assertThat(method.methodResponses().get("200").responseParameters())
                .containsEntry("method.response.header.X-Id", false);
        assertThat(method.methodIntegration().type()).isEqualTo(IntegrationType.MOCK);
        assertThat(method.methodIntegration().passthroughBehavior()).isEqualTo("WHEN_NO_MATCH");
        assertThat(method.methodIntegration().integrationResponses().get("200").responseTemplates())
                .containsEntry("application/json", "{\"ok\":true}");
        assertThat(apis.getIntegration(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET"))
                .integrationResponses()).containsOnlyKeys("200");
    }

    @Test
    void an_integration_response_needs_its_method_response() {
        mockMethod("GET");

        assertThatThrownBy(() -> apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(ordersId)
                .httpMethod("GET").statusCode("400"))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Invalid Response status code specified");
    }

    @Test
    void update_integration_patches_templates_and_passthrough() {
        mockMethod("GET");

        apis.updateIntegration(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET").patchOperations(
                patch(Op.ADD, "/requestTemplates/text~1plain", "{\"statusCode\": 201}"),
                patch(Op.REPLACE, "/passthroughBehavior", "NEVER")));

        var integration = apis.getIntegration(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET"));
        assertThat(integration.requestTemplates()).containsKeys("application/json", "text/plain");
        assertThat(integration.passthroughBehavior()).isEqualTo("NEVER");
        assertThatThrownBy(() -> apis.updateIntegration(b -> b.restApiId(apiId).resourceId(ordersId)
                .httpMethod("GET").patchOperations(patch(Op.REPLACE, "/type", "HTTP"))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid patch path '/type'");
    }

    @Test
    void deleting_responses_integration_and_method() {
        mockMethod("GET");
        apis.putMethodResponse(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET").statusCode("200"));
        apis.putIntegrationResponse(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET").statusCode("200"));

        apis.deleteIntegrationResponse(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET").statusCode("200"));
        apis.deleteMethodResponse(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET").statusCode("200"));
        apis.deleteIntegration(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET"));

        assertThatThrownBy(() -> apis.getIntegration(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Integration identifier specified");
        apis.deleteMethod(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET"));
        assertThatThrownBy(() -> apis.getMethod(b -> b.restApiId(apiId).resourceId(ordersId).httpMethod("GET")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Method identifier specified");
    }

    @Test
    void deployments_and_stages_are_listed_and_a_deployment_in_use_cannot_be_deleted() {
        mockMethod("GET");
        String first = apis.createDeployment(b -> b.restApiId(apiId).stageName("dev").description("first")).id();
        String second = apis.createDeployment(b -> b.restApiId(apiId).description("second")).id();
        apis.createStage(b -> b.restApiId(apiId).stageName("prod").deploymentId(second)
                .variables(Map.of("queue", "orders")));

        assertThat(apis.getDeployments(b -> b.restApiId(apiId)).items()).extracting(d -> d.description())
                .containsExactlyInAnyOrder("first", "second");
        assertThat(apis.getStages(b -> b.restApiId(apiId)).item()).extracting(s -> s.stageName())
                .containsExactly("dev", "prod");
        assertThat(apis.getStage(b -> b.restApiId(apiId).stageName("prod")).variables()).containsEntry("queue", "orders");
        assertThatThrownBy(() -> apis.deleteDeployment(b -> b.restApiId(apiId).deploymentId(first)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Active stages pointing to this deployment must be moved or deleted");
        apis.deleteStage(b -> b.restApiId(apiId).stageName("dev"));
        apis.deleteDeployment(b -> b.restApiId(apiId).deploymentId(first));
        assertThatThrownBy(() -> apis.getDeployment(b -> b.restApiId(apiId).deploymentId(first)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Deployment identifier specified");
    }

    @Test
    void update_rest_api_renames_and_describes() {
        apis.updateRestApi(b -> b.restApiId(apiId).patchOperations(patch(Op.REPLACE, "/name", "renamed"),
                patch(Op.REPLACE, "/description", "the orders API")));

        var api = apis.getRestApi(b -> b.restApiId(apiId));
        assertThat(api.name()).isEqualTo("renamed");
        assertThat(api.description()).isEqualTo("the orders API");
    }
}
