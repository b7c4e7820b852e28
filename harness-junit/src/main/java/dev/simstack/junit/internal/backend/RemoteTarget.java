package dev.simstack.junit.internal.backend;

import dev.simstack.junit.Backend;
import dev.simstack.junit.internal.PathStyle;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * Where a non-embedded backend's clients point: an endpoint (none for AWS's own), credentials, regions (the
 * default one first), and the run's id, prefixed to every name where names are shared (an AWS account). A
 * container it runs in closes with it.
 */
final class RemoteTarget implements AutoCloseable {

    private final Backend backend;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final List<String> regions;
    private final String runId;
    private final String prefix;
    private final AutoCloseable container;

    RemoteTarget(Backend backend, URI endpoint, AwsCredentialsProvider credentials, List<String> regions,
            String runId, boolean prefixed, AutoCloseable container) {
        this.backend = backend;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.regions = List.copyOf(regions);
        this.runId = runId;
        this.prefix = prefixed ? "simstack-" + runId + "-" : "";
        this.container = container;
    }

    Backend backend() {
        return backend;
    }

    List<String> regions() {
        return regions;
    }

    String defaultRegion() {
        return regions.get(0);
    }

    /** The region of a resource declared in {@code region}; the default one when it names none. */
    String regionOf(String region) {
        return region == null ? defaultRegion() : region;
    }

    String runId() {
        return runId;
    }

    /** The name {@code declared} gets on this backend: prefixed by the run where names are shared. */
    String name(String declared) {
        return prefix + declared;
    }

    /** The endpoint the clients are pointed at; null for AWS's own. */
    URI endpoint() {
        return endpoint;
    }

    /** Whether names are prefixed by the run: an AWS account, shared with other runs and everything else. */
    boolean prefixed() {
        return !prefix.isEmpty();
    }

    /** How messages name the backend, e.g. {@code ENDPOINT http://localhost:4566} or {@code AWS}. */
    String describe() {
        return backend + (endpoint == null ? "" : " " + endpoint);
    }

    /** {@code builder} pointed at this backend in {@code region}, as an app points its own. */
    <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region) {
        B configured = builder.region(Region.of(Objects.requireNonNull(region, "region")))
                .credentialsProvider(credentials);
        if (endpoint != null) {
            configured = configured.endpointOverride(endpoint);
            PathStyle.force(configured);
        }
        return configured;
    }

    @Override
    public void close() throws Exception {
        if (container != null) {
            container.close();
        }
    }
}
