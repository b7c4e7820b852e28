package dev.simstack.core.internal.services.lambda;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class loader of one function version's unpacked package, laid out as AWS's Java runtime reads it:
 * classes at the root and jars in {@code lib/}. Isolated from the server and from other functions: its parent
 * is the platform class loader, so only the JDK is shared, except the Lambda runtime's own types
 * ({@code com.amazonaws.services.lambda.runtime.*}, from aws-lambda-java-core and -events), which the engine
 * hands to handlers ({@code Context}, the handler interfaces, events) and so must be the engine's. A package
 * may bundle its own copy of those, as AWS's runtime tolerates: the engine's copy wins, and the package's
 * is used only for a class the engine does not have.
 */
final class PackageClassLoader extends URLClassLoader {

    static final String RUNTIME_PACKAGE = "com.amazonaws.services.lambda.runtime.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader runtime;
    private volatile boolean closed;

    /**
     * @param directory the unpacked package
     * @param runtime the loader the engine's Lambda runtime types come from
     */
    PackageClassLoader(String name, Path directory, ClassLoader runtime) {
        super(name, urls(directory), ClassLoader.getPlatformClassLoader());
        this.runtime = runtime;
    }

    private static URL[] urls(Path directory) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(directory.toUri().toURL());
            Path lib = directory.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("SimStack could not read the unpacked code in " + directory, e);
        }
        return urls.toArray(URL[]::new);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(RUNTIME_PACKAGE)) {
            try {
                return runtime.loadClass(name);
            } catch (ClassNotFoundException e) {
                // not on the engine's class path (the launcher has no aws-lambda-java-events): the package's copy
            }
        }
        return super.loadClass(name, resolve);
    }

    /** Whether the function version this loader served is gone (deleted, replaced, or the stack stopped). */
    boolean closed() {
        return closed;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        super.close();
    }
}
