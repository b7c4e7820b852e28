package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.CreateAuthorizerResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetAuthorizerResponse;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

/** HTTP API authorizers through ApiGatewayV2Client: their members, AWS's refusals, and the routes that use them. */
class HttpAuthorizerControlPlaneTest {

    private static Stack stack;
    private static ApiGatewayV2Client apis;
    private static String apiId;
    private static String integrationId;
    private static String functionUri;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(29)
                .withFunction(FunctionSpec.named("echo", ApiHandlers.EventEcho.class)).start();
        apis = ApiTestSupport.apiGatewayV2(stack);
        apiId = apis.createApi(b -> b.name("authorized").protocolType(ProtocolType.HTTP)).apiId();
        integrationId = apis.createIntegration(b -> b.apiId(apiId).integrationType(IntegrationType.AWS_PROXY)
                .integrationUri(stack.function("echo").arn()).payloadFormatVersion("2.0")).integrationId();
        functionUri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + stack.function("echo").arn()
                + "/invocations";
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
    }

    private static CreateAuthorizerResponse jwt(String name) {
        return apis.createAuthorizer(b -> b.apiId(apiId).name(name).authorizerType(AuthorizerType.JWT)
                .identitySource("$request.header.Authorization")
                .jwtConfiguration(c -> c.issuer("https://issuer.example").audience("a", "b")));
    }

    private static CreateAuthorizerResponse lambda(String name) {
        return apis.createAuthorizer(b -> b.apiId(apiId).name(name).authorizerType(AuthorizerType.REQUEST)
                .identitySource("$request.header.X-Tenant", "$request.querystring.key").authorizerUri(functionUri)
                .authorizerPayloadFormatVersion("2.0").enableSimpleResponses(true).authorizerResultTtlInSeconds(60));
    }

    @Test
    void authorizers_are_created_read_listed_updated_and_deleted() {
        String jwtId = jwt("crud-jwt").authorizerId();
        CreateAuthorizerResponse request = lambda("crud-lambda");

        GetAuthorizerResponse read = apis.getAuthorizer(b -> b.apiId(apiId).authorizerId(jwtId));
        apis.updateAuthorizer(b -> b.apiId(apiId).authorizerId(request.authorizerId()).name("renamed")
                .authorizerResultTtlInSeconds(0));

        assertThat(read.authorizerType()).isEqualTo(AuthorizerType.JWT);
        assertThat(read.jwtConfiguration().issuer()).isEqualTo("https://issuer.example");
        assertThat(read.jwtConfiguration().audience()).containsExactly("a", "b");
        assertThat(read.identitySource()).containsExactly("$request.header.Authorization");
        assertThat(request.identitySource()).containsExactly("$request.header.X-Tenant", "$request.querystring.key");
        assertThat(request.enableSimpleResponses()).isTrue();
        assertThat(request.authorizerResultTtlInSeconds()).isEqualTo(60);
        assertThat(apis.getAuthorizer(b -> b.apiId(apiId).authorizerId(request.authorizerId())))
                .satisfies(updated -> {
                    assertThat(updated.name()).isEqualTo("renamed");
                    assertThat(updated.authorizerResultTtlInSeconds()).isZero();
                    assertThat(updated.authorizerPayloadFormatVersion()).isEqualTo("2.0");
                });
        assertThat(apis.getAuthorizers(b -> b.apiId(apiId)).items()).extracting(a -> a.authorizerId())
                .contains(jwtId, request.authorizerId());

        apis.deleteAuthorizer(b -> b.apiId(apiId).authorizerId(jwtId));

        assertThatThrownBy(() -> apis.getAuthorizer(b -> b.apiId(apiId).authorizerId(jwtId)))
                .isInstanceOf(NotFoundException.class).hasMessageStartingWith("Invalid Authorizer identifier specified");
    }

    @Test
    void a_request_authorizer_needs_its_function_and_payload_format_version() {
        assertThatThrownBy(() -> apis.createAuthorizer(b -> b.apiId(apiId).name("no-version")
                .authorizerType(AuthorizerType.REQUEST).authorizerUri(functionUri)))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("AuthorizerPayloadFormatVersion is"
                        + " required for authorizer type REQUEST and must be 1.0 or 2.0, not ''");
        assertThatThrownBy(() -> apis.createAuthorizer(b -> b.apiId(apiId).name("no-uri")
                .authorizerType(AuthorizerType.REQUEST).authorizerPayloadFormatVersion("2.0")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("AuthorizerUri is required for authorizer type REQUEST");
        assertThatThrownBy(() -> apis.createAuthorizer(b -> b.apiId(apiId).name("simple-1.0")
                .authorizerType(AuthorizerType.REQUEST).authorizerUri(functionUri)
                .authorizerPayloadFormatVersion("1.0").enableSimpleResponses(true)))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith(
                        "EnableSimpleResponses is supported only with AuthorizerPayloadFormatVersion 2.0");
        assertThatThrownBy(() -> apis.createAuthorizer(b -> b.apiId(apiId).name("cached-blind")
                .authorizerType(AuthorizerType.REQUEST).authorizerUri(functionUri)
                .authorizerPayloadFormatVersion("2.0").authorizerResultTtlInSeconds(300)))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("IdentitySource is required when"
                        + " authorizer caching is enabled (AuthorizerResultTtlInSeconds 300)");
    }

    @Test
    void a_jwt_authorizer_needs_an_issuer_and_one_identity_source() {
        assertThatThrownBy(() -> apis.createAuthorizer(b -> b.apiId(apiId).name("no-issuer")
                .authorizerType(AuthorizerType.JWT).identitySource("$request.header.Authorization")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("JwtConfiguration.Issuer is required for a JWT authorizer");
        assertThatThrownBy(() -> apis.createAuthorizer(b -> b.apiId(apiId).name("bad-source")
                .authorizerType(AuthorizerType.JWT).identitySource("header.Authorization")
                .jwtConfiguration(c -> c.issuer("https://issuer.example"))))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Invalid identity source specified:"
                        + " header.Authorization; an identity source is $request.header.NAME");
    }

    @Test
    void a_route_names_an_authorizer_of_its_authorization_type() {
        String jwtId = jwt("route-jwt").authorizerId();
        String lambdaId = lambda("route-lambda").authorizerId();

        Route route = Route.builder().build();
        String routeId = apis.createRoute(b -> b.apiId(apiId).routeKey("GET /scoped").target("integrations/"
                + integrationId).authorizationType(AuthorizationType.JWT).authorizerId(jwtId)
                .authorizationScopes("orders:read")).routeId();

        assertThat(route).isNotNull();
        assertThat(apis.getRoute(b -> b.apiId(apiId).routeId(routeId)).authorizationScopes())
                .containsExactly("orders:read");
        assertThatThrownBy(() -> apis.createRoute(b -> b.apiId(apiId).routeKey("GET /mixed")
                .authorizationType(AuthorizationType.CUSTOM).authorizerId(jwtId)))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Invalid authorizer ID specified."
                        + " Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.");
        assertThatThrownBy(() -> apis.createRoute(b -> b.apiId(apiId).routeKey("GET /jwt-lambda")
                .authorizationType(AuthorizationType.JWT).authorizerId(lambdaId)))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Invalid authorizer ID specified."
                        + " Setting the authorization type to JWT requires a valid authorizer.");
    }

    @Test
    void aws_iam_authorization_is_refused_as_not_enforced() {
        assertThatThrownBy(() -> apis.createRoute(b -> b.apiId(apiId).routeKey("GET /iam")
                .authorizationType(AuthorizationType.AWS_IAM)))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Authorization type AWS_IAM is not"
                        + " supported by SimStack: it stores IAM policies but does not enforce them; use NONE, JWT"
                        + " or CUSTOM (a Lambda authorizer)");
    }

    @Test
    void an_authorizer_a_route_uses_cannot_be_deleted_until_the_route_lets_it_go() {
        String authorizerId = lambda("in-use").authorizerId();
        String routeId = apis.createRoute(b -> b.apiId(apiId).routeKey("POST /in-use")
                .target("integrations/" + integrationId).authorizationType(AuthorizationType.CUSTOM)
                .authorizerId(authorizerId)).routeId();

        assertThatThrownBy(() -> apis.deleteAuthorizer(b -> b.apiId(apiId).authorizerId(authorizerId)))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Cannot delete authorizer 'in-use', is referenced in route: POST /in-use");
        assertThatThrownBy(() -> apis.updateRoute(b -> b.apiId(apiId).routeId(routeId)
                .authorizationType(AuthorizationType.NONE).authorizerId(authorizerId)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Unable to update route. Authorizer type is invalid or null.");

        Route detached = Route.builder().build();
        apis.updateRoute(b -> b.apiId(apiId).routeId(routeId).authorizationType(AuthorizationType.NONE));
        apis.deleteAuthorizer(b -> b.apiId(apiId).authorizerId(authorizerId));

        assertThat(detached).isNotNull();
        assertThat(apis.getRoute(b -> b.apiId(apiId).routeId(routeId)).authorizerId()).isNull();
    }
}
