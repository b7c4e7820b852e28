package dev.simstack.sample;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * A function's environment variables. On AWS they are the process's ({@code System.getenv}). An emulator
 * that runs handlers inside one JVM cannot give each function an environment of its own; SimStack (and
 * emulators like it) offer the function's variables through a public {@code environmentVariables()} method
 * of the {@link Context} it passes. This class looks for that method by name, so the app needs no
 * emulator's type, and falls back to the process's environment.
 */
public final class LambdaEnvironment {

    private final Map<String, String> variables;

    private LambdaEnvironment(Map<String, String> variables) {
        this.variables = variables;
    }

    /** The environment of the function {@code context} belongs to. */
    public static LambdaEnvironment of(Context context) {
        // Through a public interface of the context: its class itself need not be public.
        for (Class<?> type = context.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> contract : type.getInterfaces()) {
                Map<String, String> offered = offered(contract, context);
                if (offered != null) {
                    return new LambdaEnvironment(offered);
                }
            }
        }
        return new LambdaEnvironment(System.getenv());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> offered(Class<?> contract, Context context) {
        if (!Modifier.isPublic(contract.getModifiers())) {
            return null;
        }
        try {
            Method method = contract.getMethod("environmentVariables");
            return Map.class.isAssignableFrom(method.getReturnType()) ? (Map<String, String>) method.invoke(context)
                    : null;
        } catch (ReflectiveOperationException | RuntimeException notOffered) {
            return null; // a Context of the AWS runtime: the variables are the process's
        }
    }

    /** The variables given, as a test or a local run gives them. */
    public static LambdaEnvironment of(Map<String, String> variables) {
        return new LambdaEnvironment(Map.copyOf(variables));
    }

    /** The variable {@code name}, or null when it is not set. */
    public String get(String name) {
        return variables.get(name);
    }

    /** The variable {@code name}; fails naming it when it is not set (a deployment mistake). */
    public String require(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the environment variable " + name + " is not set; the Lambda runtime "
                    + "sets AWS_*, the function's Environment in template.yaml sets the app's own");
        }
        return value;
    }
}
