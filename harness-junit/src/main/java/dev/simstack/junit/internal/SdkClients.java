package dev.simstack.junit.internal;

import dev.simstack.core.InProcessAsyncHttpClient;
import dev.simstack.core.InProcessHttpClient;
import dev.simstack.core.Stack;
import dev.simstack.junit.SimStackClients;
import dev.simstack.junit.Transport;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkAsyncClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The SDK clients a stack injects, built once per type and region through the client's own {@code builder()}
 * and {@link SimStackClients#configure} (on the in-process HTTP clients when the declaration's transport says
 * so), and closed with the stack. No SDK class is touched unless a test asks
 * for a client, so a user with only some SDK modules on the class path is served those.
 */
public final class SdkClients implements AutoCloseable {

    /** Points a client builder at the stack's backend in a region. */
    @FunctionalInterface
    public interface Configurer {
        /** Configures {@code builder} (an {@code AwsClientBuilder}) for {@code region}. */
        @SuppressWarnings("rawtypes")
        void configure(AwsClientBuilder builder, String region);
    }

    private static final String SERVICES = "software.amazon.awssdk.services.";
    private static final String ENHANCED = "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhanced";
    /** The services the engine serves, by their SDK package. */
    private static final List<String> SERVED = List.of("sqs", "dynamodb", "s3", "lambda", "apigateway",
            "apigatewayv2");

    private final Stack stack;
    private final Configurer configurer;
    private final Map<String, Object> built = new ConcurrentHashMap<>();

    private SdkClients(Stack stack, Configurer configurer) {
        this.stack = stack;
        this.configurer = configurer;
    }

    /** The clients of an embedded stack, over its port or in-process as {@code transport} says. */
    @SuppressWarnings("unchecked")
    static SdkClients embedded(Stack stack, Transport transport) {
        return new SdkClients(stack, (builder, region) -> {
            SimStackClients.configure(builder, stack, region);
            if (transport == Transport.IN_PROCESS) {
                inProcess(builder, stack);
            }
        });
    }

    /** The clients of a remote backend, each configured by {@code configurer}; no presigner. */
    public static SdkClients remote(Configurer configurer) {
        return new SdkClients(null, configurer);
    }

    /** Whether {@code type} is an SDK v2 client, presigner or enhanced client interface. */
    static boolean isClientType(Class<?> type) {
        String name = type.getName();
        return type.isInterface() && (name.startsWith(SERVICES) || name.startsWith(ENHANCED))
                && (name.endsWith("Client") || name.endsWith("Presigner"));
    }

    /** The client of {@code type} for {@code region}, built on first use. */
    public Object client(Class<?> type, String region) {
        String key = type.getName() + "@" + region;
        Object client = built.get(key);
        if (client == null) {
            client = build(type, region);
            Object raced = built.putIfAbsent(key, client);
            if (raced != null) {
                close(client);
                client = raced;
            }
        }
        return client;
    }

    private Object build(Class<?> type, String region) {
        if (type.getName().startsWith(ENHANCED)) {
            return EnhancedClients.of(type, this, region);
        }
        String service = service(type);
        if (!SERVED.contains(service)) {
            throw new Misuse(type.getSimpleName() + " is a client of " + service + ", which SimStack does not serve;"
                    + " it serves " + SERVED);
        }
        String simpleName = type.getSimpleName();
        if (simpleName.equals("S3Presigner")) {
            if (stack == null) {
                throw new Misuse("S3Presigner is injected only on the embedded backend for now; build one with"
                        + " S3Presigner.builder() pointed at the backend");
            }
            return Presigners.s3(stack, region);
        }
        try {
            Object builder = type.getMethod("builder").invoke(null);
            configurer.configure((AwsClientBuilder<?, ?>) builder, region);
            return ((SdkBuilder<?, ?>) builder).build();
        } catch (NoSuchMethodException | IllegalAccessException | ClassCastException e) {
            throw new Misuse(type.getName() + " is not a client the harness can build (it has no static builder()"
                    + " of an AWS client builder); ask for SqsClient, DynamoDbClient, S3Client, LambdaClient,"
                    + " ApiGatewayClient or their async twins", e);
        } catch (InvocationTargetException e) {
            throw new Misuse("building " + type.getSimpleName() + " failed: " + e.getCause().getMessage()
                    + (type.getSimpleName().endsWith("AsyncClient") ? " (async clients need an async HTTP client on"
                            + " the test class path, e.g. software.amazon.awssdk:netty-nio-client)" : ""),
                    e.getCause());
        }
    }

    /** {@code builder} on the in-process HTTP client of its kind (sync or async) instead of the SDK's default. */
    private static void inProcess(Object builder, Stack stack) {
        if (builder instanceof SdkSyncClientBuilder) {
            ((SdkSyncClientBuilder<?, ?>) builder).httpClient(InProcessHttpClient.of(stack));
        } else if (builder instanceof SdkAsyncClientBuilder) {
            ((SdkAsyncClientBuilder<?, ?>) builder).httpClient(InProcessAsyncHttpClient.of(stack));
        }
    }

    private static String service(Class<?> type) {
        String rest = type.getName().substring(SERVICES.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Override
    public void close() {
        built.values().forEach(SdkClients::close);
        built.clear();
    }

    private static void close(Object client) {
        if (client instanceof AutoCloseable) {
            try {
                ((AutoCloseable) client).close();
            } catch (Exception e) {
                // Closing a client releases its connections; a failure to do so cannot fail the test.
            }
        }
    }
}
