package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Authorizer;
import software.amazon.awssdk.services.apigateway.model.AuthorizerType;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.TestInvokeAuthorizerResponse;

/** CreateAuthorizer and its family through the SDK, as Terraform's aws_api_gateway_authorizer drives them. */
class AuthorizerControlPlaneTest {

    private static Stack stack;
    private static ApiGatewayClient apis;
    private String apiId;
    private String rootId;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(6)
                .withFunction(FunctionSpec.named("token-auth", AuthorizerHandlers.Token.class)).start();
        apis = ApiTestSupport.apiGateway(stack);
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
    }

    @BeforeEach
    void api() {
        apiId = apis.createRestApi(b -> b.name("guarded")).id();
        rootId = apis.getRestApi(b -> b.restApiId(apiId)).rootResourceId();
    }

    private String uri() {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + stack.function("token-auth").arn()
                + "/invocations";
    }

    private Authorizer token() {
        var created = apis.createAuthorizer(b -> b.restApiId(apiId).name("token").type(AuthorizerType.TOKEN)
                .authorizerUri(uri()).identitySource("method.request.header.Authorization"));
        var got = apis.getAuthorizer(b -> b.restApiId(apiId).authorizerId(created.id()));
        return Authorizer.builder().id(got.id()).name(got.name()).type(got.type()).authorizerUri(got.authorizerUri())
                .identitySource(got.identitySource()).authorizerResultTtlInSeconds(got.authorizerResultTtlInSeconds())
                .build();
    }

    @Test
    void an_authorizer_is_answered_as_created_with_aws_default_ttl() {
        Authorizer authorizer = token();

        assertThat(authorizer.name()).isEqualTo("token");
        assertThat(authorizer.type()).isEqualTo(AuthorizerType.TOKEN);
        assertThat(authorizer.authorizerUri()).isEqualTo(uri());
        assertThat(authorizer.identitySource()).isEqualTo("method.request.header.Authorization");
        assertThat(authorizer.authorizerResultTtlInSeconds()).isEqualTo(300);
        assertThat(apis.getAuthorizers(b -> b.restApiId(apiId)).items()).containsExactly(authorizer);
    }

    @Test
    void update_patches_the_ttl_and_the_validation_expression() {
        Authorizer authorizer = token();

        var updated = apis.updateAuthorizer(b -> b.restApiId(apiId).authorizerId(authorizer.id()).patchOperations(
                PatchOperation.builder().op(Op.REPLACE).path("/authorizerResultTtlInSeconds").value("0").build(),
                PatchOperation.builder().op(Op.REPLACE).path("/identityValidationExpression").value("Bearer .*")
                        .build()));

        assertThat(updated.authorizerResultTtlInSeconds()).isZero();
        assertThat(updated.identityValidationExpression()).isEqualTo("Bearer .*");
    }

    @Test
    void a_custom_method_needs_an_authorizer_of_its_api_and_keeps_it_from_deletion() {
        Authorizer authorizer = token();

        assertThatThrownBy(() -> apis.putMethod(b -> b.restApiId(apiId).resourceId(rootId).httpMethod("GET")
                .authorizationType("CUSTOM").authorizerId("nope")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid authorizer ID specified");
        apis.putMethod(b -> b.restApiId(apiId).resourceId(rootId).httpMethod("GET").authorizationType("CUSTOM")
                .authorizerId(authorizer.id()));
        assertThat(apis.getMethod(b -> b.restApiId(apiId).resourceId(rootId).httpMethod("GET")).authorizerId())
                .isEqualTo(authorizer.id());
        assertThatThrownBy(() -> apis.deleteAuthorizer(b -> b.restApiId(apiId).authorizerId(authorizer.id())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("methods [GET /] use it");

        apis.deleteMethod(b -> b.restApiId(apiId).resourceId(rootId).httpMethod("GET"));
        apis.deleteAuthorizer(b -> b.restApiId(apiId).authorizerId(authorizer.id()));
        assertThatThrownBy(() -> apis.getAuthorizer(b -> b.restApiId(apiId).authorizerId(authorizer.id())))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid authorizer identifier specified");
    }

    @Test
    void create_refuses_what_aws_refuses() {
        assertThatThrownBy(() -> apis.createAuthorizer(b -> b.restApiId(apiId).name("x").type(AuthorizerType.TOKEN)
                .authorizerUri("arn:aws:lambda:us-east-1:000000000000:function:auth")
                .identitySource("method.request.header.Authorization")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid authorizer URI specified");
        assertThatThrownBy(() -> apis.createAuthorizer(b -> b.restApiId(apiId).name("x").type(AuthorizerType.TOKEN)
                .authorizerUri(uri()).identitySource("method.request.querystring.token")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("It takes one header");
        assertThatThrownBy(() -> apis.createAuthorizer(b -> b.restApiId(apiId).name("x").type(AuthorizerType.REQUEST)
                .authorizerUri(uri()).authorizerResultTtlInSeconds(3601)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("between 0 and 3600");
    }

    @Test
    void test_invoke_answers_the_function_principal_policy_and_client_status() {
        Authorizer authorizer = token();

        TestInvokeAuthorizerResponse allowed = apis.testInvokeAuthorizer(b -> b.restApiId(apiId)
                .authorizerId(authorizer.id()).headers(Map.of("Authorization", "Bearer allow")));
        TestInvokeAuthorizerResponse missing = apis.testInvokeAuthorizer(b -> b.restApiId(apiId)
                .authorizerId(authorizer.id()));

        assertThat(allowed.clientStatus()).isEqualTo(200);
        assertThat(allowed.principalId()).isEqualTo("user-ada");
        assertThat(allowed.policy()).contains("\"Effect\":\"Allow\"");
        assertThat(missing.clientStatus()).isEqualTo(401);
    }
}
