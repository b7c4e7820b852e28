package dev.simstack.junit.internal;

import dev.simstack.core.FunctionSpec;
import dev.simstack.junit.Function;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Map;

/** A {@link Function} as a {@link FunctionSpec}, after checking that Lambda could create its handler. */
final class FunctionSpecs {

    private static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    private static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";

    private FunctionSpecs() {
    }

    static FunctionSpec function(Function function, Class<?> testClass) {
        String where = "@Function(name = \"" + function.name() + "\")";
        boolean byClass = function.handler() != void.class;
        if (byClass == !function.handlerMethod().isEmpty()) {
            throw new Misuse(where + " must give exactly one of handler (a class) or handlerMethod"
                    + " (\"package.Class::method\"), e.g. handler = Worker.class");
        }
        FunctionSpec spec;
        if (byClass) {
            checkInstantiable(function.handler(), where);
            spec = FunctionSpec.named(function.name(), function.handler());
        } else {
            spec = FunctionSpec.named(function.name(), function.handlerMethod());
        }
        spec = spec.withRuntime(function.runtime()).withTimeout(Duration.ofSeconds(function.timeout()))
                .withMemorySize(function.memorySize());
        for (Map.Entry<String, String> e : KeyValues.parse(function.environment(), where + " environment").entrySet()) {
            spec = spec.withEnvironment(e.getKey(), e.getValue());
        }
        if (function.reservedConcurrency() >= 0) {
            spec = spec.withReservedConcurrency(function.reservedConcurrency());
        }
        if (!function.coldStartDelay().isEmpty()) {
            Duration delay = DurationText.parse(function.coldStartDelay());
            if (delay == null) {
                throw new Misuse(where + " has coldStartDelay = \"" + function.coldStartDelay() + "\", which is not a"
                        + " duration: write it as 250ms, 2s or ISO-8601 like PT0.25S");
            }
            spec = spec.withColdStartDelay(delay);
        }
        spec = SqsEvents.declare(spec, function);
        return function.region().isEmpty() ? spec : spec.inRegion(function.region());
    }

    /** Lambda instantiates a handler class once per execution environment through its no-argument constructor. */
    static void checkInstantiable(Class<?> handler, String where) {
        String name = handler.getName();
        if (!implementsHandler(handler)) {
            throw new Misuse(where + " has handler = " + handler.getSimpleName() + ".class, which implements neither"
                    + " RequestHandler nor RequestStreamHandler (aws-lambda-java-core): implement one, or name a method"
                    + " with handlerMethod = \"" + name + "::handle\"");
        }
        if (handler.isInterface() || Modifier.isAbstract(handler.getModifiers())) {
            throw new Misuse(where + " has handler = " + handler.getSimpleName() + ".class, which is abstract: Lambda"
                    + " instantiates the handler class, so name a concrete class");
        }
        if (handler.getEnclosingClass() != null && !Modifier.isStatic(handler.getModifiers())) {
            throw new Misuse(where + " has handler = " + handler.getSimpleName() + ".class, an inner class that needs"
                    + " an instance of " + handler.getEnclosingClass().getSimpleName() + ": make it static");
        }
        try {
            Constructor<?> constructor = handler.getDeclaredConstructor();
            if (!Modifier.isPublic(constructor.getModifiers()) || !Modifier.isPublic(handler.getModifiers())) {
                throw new Misuse(where + " has handler = " + handler.getSimpleName() + ".class, which Lambda cannot"
                        + " instantiate: make the class and its no-argument constructor public");
            }
        } catch (NoSuchMethodException e) {
            throw new Misuse(where + " has handler = " + handler.getSimpleName() + ".class, which has no no-argument"
                    + " constructor: add a public one (Lambda creates the handler with it, then reuses it)");
        }
    }

    private static boolean implementsHandler(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(REQUEST_HANDLER) || i.getName().equals(STREAM_HANDLER) || implementsHandler(i)) {
                    return true;
                }
            }
        }
        return false;
    }
}
