package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signing keys of JWT issuers, as API Gateway finds them: {@code ISSUER/.well-known/openid-configuration}
 * names the {@code jwks_uri}, whose JSON Web Key Set holds the keys by {@code kid}. Fetched without blocking
 * (JDK HttpClient) and kept per stack; an unknown {@code kid} fetches the set again once, as a rotated key needs,
 * and a failed fetch is forgotten so the next request tries again.
 */
final class JwksKeys {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Map<String, CompletableFuture<JWKSet>> sets = new ConcurrentHashMap<>();

    /** The key {@code kid} of {@code issuer}, or a future failed with why it cannot be had. */
    CompletableFuture<JWK> key(String issuer, String kid) {
        CompletableFuture<JWKSet> first = set(issuer);
        return first.thenCompose(set -> {
            JWK key = set.getKeyByKeyId(kid);
            if (key != null) {
                return CompletableFuture.completedFuture(key);
            }
            sets.remove(issuer, first); // the issuer may have rotated its keys since the set was read
            return set(issuer).thenApply(fresh -> fresh.getKeyByKeyId(kid));
        });
    }

    private CompletableFuture<JWKSet> set(String issuer) {
        CompletableFuture<JWKSet> set = sets.computeIfAbsent(issuer, this::fetch);
        set.whenComplete((value, failure) -> {
            if (failure != null) {
                sets.remove(issuer, set);
            }
        });
        return set;
    }

    private CompletableFuture<JWKSet> fetch(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return get(base + "/.well-known/openid-configuration")
                .thenCompose(configuration -> get(jwksUri(configuration, base)))
                .thenApply(JwksKeys::parse);
    }

    private CompletableFuture<String> get(String uri) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
            }
            return response.body();
        });
    }

    private static String jwksUri(String configuration, String issuer) {
        try {
            String uri = JSON.readTree(configuration).path("jwks_uri").asText("");
            if (uri.isEmpty()) {
                throw new IllegalStateException("the OpenID configuration of " + issuer + " has no jwks_uri");
            }
            return uri;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("not a JSON Web Key Set: " + e.getMessage(), e);
        }
    }
}
