package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.simstack.core.SimClock;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An HTTP API's JWT authorizer, checking the token as "Controlling access to HTTP APIs with JWT authorizers"
 * lists: read from the identity source (a {@code Bearer } prefix stripped), signed with an RSA key of the
 * issuer's JWKS named by its {@code kid} (checked by Nimbus JOSE, not by hand), {@code iss} the configured issuer,
 * {@code aud} (or {@code client_id} when there is no {@code aud}) one of the audiences, {@code exp}, {@code nbf}
 * and {@code iat} against the stack's clock; then, when the route names scopes, one of them in {@code scope} or
 * {@code scp} (else 403). A token that fails is 401 with AWS's {@code www-authenticate} header.
 */
final class JwtAuthorizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimClock clock;
    private final JwksKeys keys = new JwksKeys();

    JwtAuthorizer(SimClock clock) {
        this.clock = clock;
    }

    CompletableFuture<HttpAuthorizers.Verdict> authorize(ObjectNode authorizer, ObjectNode route,
            HttpAuthorizerRequest request) {
        List<String> identity = request.identity(HttpAuthorizerRequest.sources(authorizer));
        if (identity == null || identity.isEmpty()) {
            return done(HttpAuthorizers.Verdict.refused(GatewayResponses.unauthorized()));
        }
        String token = identity.get(0).regionMatches(true, 0, "Bearer ", 0, 7)
                ? identity.get(0).substring(7).trim() : identity.get(0);
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return done(invalid("the token is not a JWT"));
        }
        if (!JWSAlgorithm.Family.RSA.contains(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
            return done(invalid("the token is not signed with an RSA key named by kid"));
        }
        JsonNode configuration = authorizer.path("jwtConfiguration");
        String issuer = configuration.path("issuer").asText();
        return keys.key(issuer, jwt.getHeader().getKeyID())
                .handle((key, failure) -> failure != null || key == null
                        ? invalid("no signing key of " + issuer + " has the token's kid")
                        : check(jwt, key, configuration, route));
    }

    private HttpAuthorizers.Verdict check(SignedJWT jwt, JWK key, JsonNode configuration, ObjectNode route) {
        JWTClaimsSet claims;
        try {
            if (!(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                return invalid("the token's signature is not valid");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (JOSEException | ParseException e) {
            return invalid("the token's signature is not valid");
        }
        String problem = problem(claims, configuration);
        if (problem != null) {
            return invalid(problem);
        }
        List<String> scopes = scopes(claims);
        List<String> required = new ArrayList<>();
        route.path("authorizationScopes").forEach(scope -> required.add(scope.asText()));
        if (!required.isEmpty() && required.stream().noneMatch(scopes::contains)) {
            ObjectNode forbidden = GatewayResponses.forbidden();
            ((ObjectNode) forbidden.path("__headers")).put("www-authenticate", "Bearer scope=\""
                    + String.join(" ", required) + "\" error=\"insufficient_scope\" error_description=\"the token"
                    + " does not have the required scopes\"");
            return HttpAuthorizers.Verdict.refused(forbidden);
        }
        ObjectNode authorizer = HttpControlPlane.NODES.objectNode();
        ObjectNode jwtContext = authorizer.putObject("jwt");
        ObjectNode claimValues = jwtContext.putObject("claims");
        // as the token has them (Nimbus's claims set turns a single aud into a list and times into dates)
        jwt.getPayload().toJSONObject().forEach((name, value) -> claimValues.put(name, text(value)));
        if (scopes.isEmpty()) {
            jwtContext.putNull("scopes");
        } else {
            scopes.forEach(jwtContext.putArray("scopes")::add);
        }
        return HttpAuthorizers.Verdict.allowed(authorizer);
    }

    /** What is wrong with the claims, in the words of AWS's {@code error_description}; null when nothing is. */
    private String problem(JWTClaimsSet claims, JsonNode configuration) {
        if (!configuration.path("issuer").asText().equals(claims.getIssuer())) {
            return "the token does not have a valid issuer";
        }
        List<String> audiences = new ArrayList<>();
        configuration.path("audience").forEach(audience -> audiences.add(audience.asText()));
        List<String> presented = claims.getAudience().isEmpty() ? clientId(claims) : claims.getAudience();
        if (!audiences.isEmpty() && presented.stream().noneMatch(audiences::contains)) {
            return "the token does not have a valid audience";
        }
        Instant now = clock.now();
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
            return "the token has expired";
        }
        if (after(claims.getNotBeforeTime(), now)) {
            return "the token is not valid yet";
        }
        if (after(claims.getIssueTime(), now)) {
            return "the token was issued in the future";
        }
        return null;
    }

    private static boolean after(Date date, Instant now) {
        return date != null && date.toInstant().isAfter(now);
    }

    private static List<String> clientId(JWTClaimsSet claims) {
        Object clientId = claims.getClaim("client_id");
        return clientId == null ? List.of() : List.of(clientId.toString());
    }

    /** {@code scope} (space-separated, as OAuth 2.0 writes it) or {@code scp} (a list or a string). */
    static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope") != null ? claims.getClaim("scope") : claims.getClaim("scp");
        List<String> scopes = new ArrayList<>();
        if (scope instanceof Collection<?> values) {
            values.forEach(value -> scopes.add(value.toString()));
        } else if (scope != null) {
            for (String value : scope.toString().trim().split("\\s+")) {
                if (!value.isEmpty()) {
                    scopes.add(value);
                }
            }
        }
        return scopes;
    }

    /** A claim as the 2.0 event carries it: a string; lists as {@code [a b]}, objects as JSON. */
    private static String text(Object value) {
        if (value instanceof Collection<?> values) {
            List<String> items = new ArrayList<>();
            values.forEach(item -> items.add(String.valueOf(item)));
            return "[" + String.join(" ", items) + "]";
        }
        if (value instanceof Map<?, ?>) {
            return JSON.valueToTree(value).toString();
        }
        return String.valueOf(value);
    }

    private static HttpAuthorizers.Verdict invalid(String description) {
        ObjectNode unauthorized = GatewayResponses.unauthorized();
        ((ObjectNode) unauthorized.path("__headers")).put("www-authenticate",
                "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\"");
        return HttpAuthorizers.Verdict.refused(unauthorized);
    }

    private static CompletableFuture<HttpAuthorizers.Verdict> done(HttpAuthorizers.Verdict verdict) {
        return CompletableFuture.completedFuture(verdict);
    }
}
