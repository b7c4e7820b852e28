package dev.simstack.junit.internal;

import dev.simstack.core.ApiHandle;
import dev.simstack.core.BucketHandle;
import dev.simstack.core.FunctionHandle;
import dev.simstack.core.Ledger;
import dev.simstack.core.QueueHandle;
import dev.simstack.core.SimClock;
import dev.simstack.fault.FaultInjector;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableHandle;
import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.InRegion;
import dev.simstack.junit.Named;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.internal.backend.RemoteStack;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the harness injects into a parameter or field: {@code Stack}, its clock and ledger, the injector of the
 * test's faults ({@code FaultInjector}), resource handles (by {@link Named @Named}, or the only one of their
 * kind), SDK clients, and the URLs of APIs and queues. A
 * target that asks for something the harness cannot give fails with a message naming it and the fix.
 */
public final class Injectables {

    private static final List<Class<?>> HANDLES = List.of(QueueHandle.class, TableHandle.class, BucketHandle.class,
            FunctionHandle.class, ApiHandle.class);

    private Injectables() {
    }

    /**
     * Whether the harness answers for {@code target}: its types, SDK types and anything carrying its
     * qualifiers (so that a wrong one gets the harness's message, not JUnit's "no resolver").
     */
    public static boolean claims(Class<?> type, AnnotatedElement target) {
        return type.getName().startsWith("dev.simstack.") || type.getName().startsWith("software.amazon.awssdk.")
                || target.isAnnotationPresent(ApiUrl.class) || target.isAnnotationPresent(QueueUrl.class)
                || target.isAnnotationPresent(Named.class) || target.isAnnotationPresent(InRegion.class);
    }

    /**
     * How a message names {@code parameter}: by name when classes were compiled with {@code -parameters}, else by
     * its position ({@code parameter #2 of OrdersTest.storesAnOrder}).
     */
    public static String describe(Parameter parameter, int index) {
        Executable owner = parameter.getDeclaringExecutable();
        return "parameter " + (parameter.isNamePresent() ? "'" + parameter.getName() + "'" : "#" + (index + 1))
                + " of " + owner.getDeclaringClass().getSimpleName()
                + (owner instanceof Constructor ? "'s constructor" : "." + owner.getName());
    }

    /**
     * The value for {@code target}.
     *
     * @param what how to name the target in a message, e.g. {@code parameter 'sqs' of OrdersTest.storesAnOrder}
     * @throws Misuse when the harness cannot give one
     */
    public static Object resolve(Class<?> type, AnnotatedElement target, String what, HarnessedStack harnessed) {
        try {
            return value(type, target, harnessed);
        } catch (Misuse e) {
            throw new Misuse(what + " (" + type.getSimpleName() + "): " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new Misuse(what + " (" + type.getSimpleName() + "): " + e.getMessage(), e);
        }
    }

    private static Object value(Class<?> type, AnnotatedElement target, HarnessedStack harnessed) {
        if (harnessed.remote().isPresent()) {
            return remoteValue(type, target, harnessed.remote().get());
        }
        Stack stack = harnessed.stack();
        InRegion inRegion = target.getAnnotation(InRegion.class);
        String region = inRegion == null ? stack.defaultRegion() : inRegion.value();
        if (inRegion != null && !stack.config().regions().contains(region)) {
            throw new Misuse("@InRegion(\"" + region + "\") is not a region of the stack " + stack.config().regions()
                    + ": add it to @SimStack(regions = ...)");
        }
        ApiUrl apiUrl = target.getAnnotation(ApiUrl.class);
        QueueUrl queueUrl = target.getAnnotation(QueueUrl.class);
        if (apiUrl != null || queueUrl != null) {
            return url(type, apiUrl, queueUrl, stack, region);
        }
        if (type == Stack.class) {
            return stack;
        }
        if (type == SimClock.class) {
            return stack.clock();
        }
        if (type == Ledger.class) {
            return stack.ledger();
        }
        if (type == FaultInjector.class) {
            return harnessed.faults();
        }
        if (HANDLES.contains(type)) {
            return handle(type, name(type, target.getAnnotation(Named.class), stack), stack, region);
        }
        if (SdkClients.isClientType(type)) {
            return harnessed.client(type, region);
        }
        throw new Misuse("the harness injects Stack, SimClock, Ledger, FaultInjector, the handles "
                + simpleNames(HANDLES)
                + ", SDK clients of SQS, DynamoDB, S3, Lambda and API Gateway, S3Presigner, @ApiUrl URI and @QueueUrl"
                + " String" + hint(type));
    }

    /**
     * On another backend than the engine: clients and queue URLs of the created resources; what reads the engine
     * (the stack, its clock, ledger and handles, API URLs) fails naming the backend.
     */
    private static Object remoteValue(Class<?> type, AnnotatedElement target, RemoteStack remote) {
        InRegion inRegion = target.getAnnotation(InRegion.class);
        String region = inRegion == null ? remote.regions().get(0) : inRegion.value();
        if (inRegion != null && !remote.regions().contains(region)) {
            throw new Misuse("@InRegion(\"" + region + "\") is not a region of the stack " + remote.regions()
                    + ": add it to @SimStack(regions = ...)");
        }
        QueueUrl queueUrl = target.getAnnotation(QueueUrl.class);
        if (queueUrl != null && (type == String.class || type == URI.class)) {
            String url = remote.queueUrl(region, queueUrl.value());
            return type == URI.class ? URI.create(url) : url;
        }
        ApiUrl apiUrl = target.getAnnotation(ApiUrl.class);
        if (apiUrl != null && (type == String.class || type == URI.class)) {
            String url = remote.apiUrl(region, apiUrl.value());
            return type == URI.class ? URI.create(url) : url;
        }
        if (SdkClients.isClientType(type) && apiUrl == null) {
            return remote.client(type, region);
        }
        if (type == Ledger.class) {
            return remote.ledger();
        }
        if (apiUrl != null) {
            throw new Misuse("@ApiUrl goes on a URI or String, not on " + type.getSimpleName());
        }
        if (type == Stack.class || type == SimClock.class || HANDLES.contains(type)) {
            throw remote.needsEngine(type.getSimpleName());
        }
        throw new Misuse("on backend " + remote.backend() + " the harness injects SDK clients of SQS, DynamoDB, S3,"
                + " Lambda and API Gateway, @QueueUrl and @ApiUrl String or URI, and the Ledger of what those clients"
                + " saw"
                + hint(type));
    }

    private static String hint(Class<?> type) {
        if (type.getName().endsWith("ClientBuilder")) {
            return "; to build a client yourself, configure your builder with SimStackClients.configure(builder, stack)";
        }
        if (type.getName().startsWith("dev.simstack.core.")) {
            return "; " + type.getSimpleName() + " comes from one of those (e.g. stack.queue(\"orders\").depth())";
        }
        return "";
    }

    private static Object url(Class<?> type, ApiUrl apiUrl, QueueUrl queueUrl, Stack stack, String region) {
        if (apiUrl != null && queueUrl != null) {
            throw new Misuse("carries both @ApiUrl and @QueueUrl: keep one");
        }
        if (type != URI.class && type != String.class) {
            throw new Misuse("@" + (apiUrl != null ? "ApiUrl" : "QueueUrl") + " goes on a URI or String, not on "
                    + type.getSimpleName());
        }
        String url = apiUrl != null ? stack.api(region, apiUrl.value()).url().toString()
                : stack.queue(region, queueUrl.value()).url();
        return type == URI.class ? URI.create(url) : url;
    }

    private static Object handle(Class<?> type, String name, Stack stack, String region) {
        if (type == QueueHandle.class) {
            return stack.queue(region, name);
        }
        if (type == TableHandle.class) {
            return stack.table(region, name);
        }
        if (type == BucketHandle.class) {
            return stack.bucket(region, name);
        }
        if (type == FunctionHandle.class) {
            return stack.function(region, name);
        }
        return stack.api(region, name);
    }

    /** The {@code @Named} name, or the only declared resource of the kind. */
    private static String name(Class<?> type, Named named, Stack stack) {
        if (named != null) {
            return named.value();
        }
        List<String> declared = declared(type, stack.config());
        if (declared.size() == 1) {
            return declared.get(0);
        }
        throw new Misuse("the stack declares " + (declared.isEmpty() ? "no" : declared.size()) + " "
                + type.getSimpleName().replace("Handle", "").toLowerCase() + "s " + declared + ": say which one with"
                + " @Named(\"" + (declared.isEmpty() ? "name" : declared.get(0)) + "\")");
    }

    private static List<String> declared(Class<?> type, StackConfig config) {
        if (type == QueueHandle.class) {
            return names(config.queues(), q -> q.name());
        }
        if (type == TableHandle.class) {
            return names(config.tables(), t -> t.name());
        }
        if (type == BucketHandle.class) {
            return names(config.buckets(), b -> b.name());
        }
        if (type == FunctionHandle.class) {
            return names(config.functions(), f -> f.name());
        }
        return names(config.apis(), a -> a.name());
    }

    private static <T> List<String> names(List<T> specs, Function<T, String> name) {
        return specs.stream().map(name).distinct().collect(Collectors.toList());
    }

    private static String simpleNames(List<Class<?>> types) {
        return types.stream().map(Class::getSimpleName).collect(Collectors.joining(", "));
    }
}
