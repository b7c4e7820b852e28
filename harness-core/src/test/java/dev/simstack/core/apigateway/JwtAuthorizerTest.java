package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * HTTP APIs' JWT authorizers: tokens signed with a test RSA key whose issuer serves its OpenID configuration and
 * JWKS on loopback; signature, issuer, audience, expiry (on the stack's manual clock) and scopes checked as AWS
 * checks them, and the claims handed to the integration.
 */
class JwtAuthorizerTest {

    private static final String INVALID = "Bearer scope=\"\" error=\"invalid_token\" error_description=\"";

    private static HttpServer issuerServer;
    private static String issuer;
    private static RSAKey key;
    private static Stack stack;
    private static ApiGatewayV2Client apis;
    private static String apiId;

    @BeforeAll
    static void start() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        issuerServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + issuerServer.getAddress().getPort() + "/issuer";
        serve("/issuer/.well-known/openid-configuration",
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks.json\"}");
        serve("/issuer/jwks.json", new JWKSet(key.toPublicJWK()).toString());
        issuerServer.start();
        stack = StackConfig.defaults().withSeed(23).withClock(ClockSpec.manual())
                .withFunction(FunctionSpec.named("echo", ApiHandlers.EventEcho.class)).start();
        apis = ApiTestSupport.apiGatewayV2(stack);
        apiId = apis.createApi(b -> b.name("jwt").protocolType(ProtocolType.HTTP)).apiId();
        String integration = apis.createIntegration(b -> b.apiId(apiId).integrationType(IntegrationType.AWS_PROXY)
                .integrationUri(stack.function("echo").arn()).payloadFormatVersion("2.0")).integrationId();
        String authorizer = apis.createAuthorizer(b -> b.apiId(apiId).name("issuer")
                .authorizerType(AuthorizerType.JWT).identitySource("$request.header.Authorization")
                .jwtConfiguration(c -> c.issuer(issuer).audience("orders-api"))).authorizerId();
        apis.createRoute(b -> b.apiId(apiId).routeKey("GET /orders").target("integrations/" + integration)
                .authorizationType(AuthorizationType.JWT).authorizerId(authorizer));
        apis.createRoute(b -> b.apiId(apiId).routeKey("DELETE /orders").target("integrations/" + integration)
                .authorizationType(AuthorizationType.JWT).authorizerId(authorizer)
                .authorizationScopes("orders:admin"));
        apis.createStage(b -> b.apiId(apiId).stageName("$default").autoDeploy(true));
    }

    private static void serve(String path, String body) {
        issuerServer.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
        issuerServer.stop(0);
    }

    /** A token of the issuer for the audience, valid for ten minutes from now on the stack's clock. */
    private static String token(RSAKey signer, UnaryOperator<JWTClaimsSet.Builder> claims) throws JOSEException {
        Instant now = stack.clock().now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).audience("orders-api")
                .subject("user-ada").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("scope", "orders:read orders:write");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                claims.apply(builder).build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private static String token() throws JOSEException {
        return token(key, claims -> claims);
    }

    private static HttpResponse<String> call(String method, String token) {
        var request = java.net.http.HttpRequest.newBuilder(
                URI.create(stack.endpoint() + "/_aws/execute-api/" + apiId + "/$default/orders"))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
        return token == null ? ApiTestSupport.send(request) : ApiTestSupport.send(request, "Authorization", token);
    }

    private static String challenge(HttpResponse<String> response) {
        return response.headers().firstValue("www-authenticate").orElse(null);
    }

    @Test
    void a_valid_token_reaches_the_integration_with_its_claims_and_scopes() throws JOSEException {
        HttpResponse<String> response = call("GET", "Bearer " + token());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"authorizer\":{\"jwt\":{\"claims\":{")
                .contains("\"sub\":\"user-ada\"").contains("\"aud\":\"orders-api\"")
                .contains("\"iss\":\"" + issuer + "\"")
                .contains("\"scopes\":[\"orders:read\",\"orders:write\"]");
    }

    @Test
    void a_request_without_a_token_is_401_unauthorized() {
        HttpResponse<String> response = call("GET", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void a_token_signed_with_another_key_of_the_same_kid_is_401() throws JOSEException {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("test-key").generate();

        HttpResponse<String> response = call("GET", "Bearer " + token(impostor, claims -> claims));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response)).isEqualTo(INVALID + "the token's signature is not valid\"");
    }

    @Test
    void a_token_for_another_audience_or_issuer_is_401() throws JOSEException {
        HttpResponse<String> audience = call("GET", "Bearer " + token(key, claims -> claims.audience("other")));
        HttpResponse<String> issued = call("GET", "Bearer " + token(key, claims -> claims.issuer(issuer + "/x")));

        assertThat(audience.statusCode()).isEqualTo(401);
        assertThat(challenge(audience)).isEqualTo(INVALID + "the token does not have a valid audience\"");
        assertThat(issued.statusCode()).isEqualTo(401);
        assertThat(challenge(issued)).isEqualTo(INVALID + "the token does not have a valid issuer\"");
    }

    @Test
    void client_id_stands_for_the_audience_when_the_token_has_no_aud() throws JOSEException {
        String token = token(key, claims -> claims.audience((List<String>) null).claim("client_id", "orders-api"));

        assertThat(call("GET", "Bearer " + token).statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_expires_on_the_stack_clock() throws JOSEException {
        String token = "Bearer " + token();
        assertThat(call("GET", token).statusCode()).isEqualTo(200);

        stack.clock().advance(Duration.ofSeconds(601));
        HttpResponse<String> expired = call("GET", token);

        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(challenge(expired)).isEqualTo(INVALID + "the token has expired\"");
    }

    @Test
    void a_token_not_valid_before_a_later_time_is_401_until_then() throws JOSEException {
        String token = "Bearer " + token(key, claims -> claims.notBeforeTime(
                Date.from(stack.clock().now().plusSeconds(60))));

        HttpResponse<String> early = call("GET", token);
        stack.clock().advance(Duration.ofSeconds(61));

        assertThat(early.statusCode()).isEqualTo(401);
        assertThat(challenge(early)).isEqualTo(INVALID + "the token is not valid yet\"");
        assertThat(call("GET", token).statusCode()).isEqualTo(200);
    }

    @Test
    void a_route_with_scopes_needs_one_of_them_in_the_token_else_403() throws JOSEException {
        HttpResponse<String> without = call("DELETE", "Bearer " + token());
        HttpResponse<String> with = call("DELETE", "Bearer " + token(key,
                claims -> claims.claim("scope", null).claim("scp", List.of("orders:admin"))));

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(with.statusCode()).isEqualTo(200);
    }
}
