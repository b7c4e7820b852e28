package dev.simstack.core.internal.services.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import com.fasterxml.jackson.databind.util.LookupCache;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * Finds a handler the way the Java runtime does ({@code package.Class} implementing
 * {@code RequestHandler}/{@code RequestStreamHandler}, or {@code package.Class::method}) and calls it:
 * the event JSON is read into the handler's input type with Jackson (properties matched ignoring case, as
 * the runtime's serializer matches {@code Records} and {@code eventSourceARN}), and the output written
 * back as JSON.
 */
final class HandlerInvoker {

    /** A handler bound to its instance in one execution environment. */
    interface Bound {
        byte[] invoke(byte[] event, Context context) throws Throwable;
    }

    /** The handler could not be loaded or instantiated (the runtime's Runtime.ImportModuleError). */
    static final class HandlerLoadException extends Exception {
        private static final long serialVersionUID = 1L;

        HandlerLoadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ClassLoader loader;
    /** Built on first use: an ObjectMapper costs ~100 ms of class loading, too much for stacks without functions. */
    private volatile ObjectMapper mapper;

    HandlerInvoker(ClassLoader loader) {
        this.loader = loader;
    }

    /** The loader handlers are loaded from. */
    ClassLoader loader() {
        return loader;
    }

    ObjectMapper mapper() {
        ObjectMapper built = mapper;
        if (built == null) {
            synchronized (this) {
                if (mapper == null) {
                    mapper = JsonMapper.builder()
                            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
                            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                            .serializationInclusion(JsonInclude.Include.NON_NULL)
                            // a type cache of its own: the shared default one would keep a deleted function's
                            // classes, and so its class loader, alive
                            .typeFactory(TypeFactory.defaultInstance().withCache(typeCache()))
                            .build();
                }
                built = mapper;
            }
        }
        return built;
    }

    /** Checks that {@code handler} names a loadable class (CreateFunction fails early on a typo). */
    void check(String handler) throws HandlerLoadException {
        load(handler.split("::", 2)[0]);
    }

    /** A new instance of the handler, as a fresh execution environment creates one. */
    Bound instantiate(String handler) throws HandlerLoadException {
        String[] parts = handler.split("::", 2);
        Class<?> type = load(parts[0]);
        Object instance;
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            instance = constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new HandlerLoadException("Class " + parts[0] + " could not be instantiated: " + e, e);
        }
        if (parts.length == 2 && !parts[1].equals("handleRequest")) {
            return methodHandler(instance, parts[1]);
        }
        if (instance instanceof RequestStreamHandler stream) {
            return (event, context) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                stream.handleRequest(new ByteArrayInputStream(event), out, context);
                return out.toByteArray();
            };
        }
        if (instance instanceof RequestHandler<?, ?> request) {
            JavaType input = inputType(type);
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> typed = (RequestHandler<Object, Object>) request;
            return (event, context) -> write(typed.handleRequest(read(event, input), context));
        }
        if (parts.length == 2) {
            return methodHandler(instance, parts[1]);
        }
        throw new HandlerLoadException("Class " + parts[0] + " does not implement RequestHandler or "
                + "RequestStreamHandler; name a method as " + parts[0] + "::method", null);
    }

    private static LookupCache<Object, JavaType> typeCache() {
        return new LRUMap<>(16, 200);
    }

    private Class<?> load(String className) throws HandlerLoadException {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new HandlerLoadException("Class not found: " + className, e);
        }
    }

    private JavaType inputType(Class<?> type) {
        JavaType[] params = mapper().getTypeFactory().findTypeParameters(type, RequestHandler.class);
        return params.length > 0 ? params[0] : TypeFactory.unknownType();
    }

    private Bound methodHandler(Object instance, String name) throws HandlerLoadException {
        for (Method method : instance.getClass().getMethods()) {
            if (!method.getName().equals(name)) {
                continue;
            }
            Class<?>[] types = method.getParameterTypes();
            if (types.length >= 2 && types[0] == InputStream.class && types[1] == OutputStream.class) {
                return (event, context) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    Object[] args = types.length == 3 ? new Object[] {new ByteArrayInputStream(event), out, context}
                            : new Object[] {new ByteArrayInputStream(event), out};
                    call(method, instance, args);
                    return out.toByteArray();
                };
            }
            if (types.length <= 2) {
                Type[] generic = method.getGenericParameterTypes();
                JavaType input = types.length == 0 ? null : mapper().getTypeFactory().constructType(generic[0]);
                return (event, context) -> {
                    Object[] args = types.length == 0 ? new Object[0]
                            : types.length == 1 ? new Object[] {read(event, input)}
                                    : new Object[] {read(event, input), context};
                    Object out = call(method, instance, args);
                    return method.getReturnType() == void.class ? new byte[0] : write(out);
                };
            }
        }
        throw new HandlerLoadException("No public method named " + name + " with (input[, Context]) or "
                + "(InputStream, OutputStream[, Context]) parameters in " + instance.getClass().getName(), null);
    }

    private static Object call(Method method, Object instance, Object[] args) throws Throwable {
        try {
            return method.invoke(instance, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Object read(byte[] event, JavaType type) throws Exception {
        if (type.getRawClass() == String.class) {
            // The runtime reads a JSON string as its text; anything else is handed over as written.
            var node = event.length == 0 ? null : mapper().readTree(event);
            return node != null && node.isTextual() ? node.textValue() : new String(event,
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        if (type.getRawClass() == byte[].class) {
            return event;
        }
        return event.length == 0 ? null : mapper().readValue(event, type);
    }

    private byte[] write(Object output) throws Exception {
        return mapper().writeValueAsBytes(output);
    }
}
