package dev.simstack.junit.internal.backend;

import dev.simstack.junit.Backend;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SimStackClients;
import dev.simstack.junit.internal.Misuse;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** Opens the target of the {@code ENDPOINT} and {@code AWS} backends, or of a container backend. */
final class RemoteTargets {

    private RemoteTargets() {
    }

    static RemoteTarget open(Backend backend, SimStack declaration, List<String> declaredRegions,
            RunSettings settings, String on) {
        String runId = runId();
        switch (backend) {
            case ENDPOINT:
                return new RemoteTarget(backend, endpoint(declaration, settings, on), emulatorCredentials(),
                        declaredRegions, runId, false, null);
            case AWS:
                return aws(declaration, settings, on, runId);
            case LOCALSTACK:
            case FLOCI:
                return ContainerTargets.start(backend, declaredRegions, settings, on, runId);
            default:
                throw new IllegalArgumentException(backend + " is not a remote backend");
        }
    }

    /** Static test credentials: emulators accept any, and the SDK's default chain may find none on a CI box. */
    static StaticCredentialsProvider emulatorCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(SimStackClients.ACCESS_KEY_ID,
                SimStackClients.ACCESS_KEY_ID));
    }

    private static URI endpoint(SimStack declaration, RunSettings settings, String on) {
        Optional<String> url = declaration.endpoint().isBlank() ? settings.get(SimStack.ENDPOINT_PROPERTY)
                : Optional.of(declaration.endpoint().trim());
        if (url.isEmpty()) {
            throw new Misuse(on + " runs on backend ENDPOINT but no endpoint is given: say where it listens with"
                    + " @SimStack(endpoint = \"http://localhost:4566\") or -D" + SimStack.ENDPOINT_PROPERTY
                    + "=http://localhost:4566");
        }
        return uri(url.get(), on, "endpoint");
    }

    private static URI uri(String url, String on, String what) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // Reported below with the fix.
        }
        throw new Misuse(on + ": " + what + " '" + url + "' is not an http(s) URL: give one such as"
                + " http://localhost:4566");
    }

    /**
     * The account the default credential chain points at, only when the run says so: a test suite that bills an
     * account must be asked for, not stumbled into.
     */
    private static RemoteTarget aws(SimStack declaration, RunSettings settings, String on, String runId) {
        if (!settings.get(SimStack.AWS_ALLOW_PROPERTY).map(Boolean::parseBoolean).orElse(false)) {
            throw new Misuse(on + " runs on backend AWS, which creates (and bills) resources in the account the"
                    + " default credential chain points at, so it starts only when the run allows it: run with -D"
                    + SimStack.AWS_ALLOW_PROPERTY + "=true (or that configuration parameter), or choose another"
                    + " backend");
        }
        URI endpoint = settings.get(SimStack.AWS_ENDPOINT_PROPERTY)
                .map(url -> uri(url, on, SimStack.AWS_ENDPOINT_PROPERTY)).orElse(null);
        List<String> regions = declaration.regions().length > 0 ? List.of(declaration.regions())
                : List.of(defaultRegion(on));
        return new RemoteTarget(Backend.AWS, endpoint, DefaultCredentialsProvider.builder().build(), regions,
                runId, true, null);
    }

    private static String defaultRegion(String on) {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkClientException e) {
            throw new Misuse(on + " runs on backend AWS but the SDK finds no default region: set AWS_REGION (or"
                    + " -Daws.region, or a profile's region), or declare @SimStack(regions = \"eu-west-1\")", e);
        }
    }

    /** Eight base-36 characters: lower case and digits, so that bucket names allow them. */
    private static String runId() {
        String id = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36);
        return "0".repeat(8 - id.length()) + id;
    }
}
