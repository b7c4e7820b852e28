package dev.simstack.junit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Finds the templates a {@code @SimStack} names: a class-path resource next to the test class, then at the
 * class-path root, then a file relative to the working directory (Maven runs tests in the module's
 * directory). A resource inside a jar is copied to a scratch directory that {@link #close()} removes.
 */
public final class Templates implements AutoCloseable {

    private Path scratch;

    /**
     * Where {@code name} is, searched as templates are (next to {@code testClass}, at the class-path root, relative
     * to the working directory); null when it is nowhere.
     */
    public static URL locate(String name, Class<?> testClass) {
        URL url = testClass.getResource(name);
        if (url == null) {
            ClassLoader loader = testClass.getClassLoader();
            url = loader == null ? null : loader.getResource(name.startsWith("/") ? name.substring(1) : name);
        }
        Path path = Path.of(name);
        if (url == null && Files.isRegularFile(path)) {
            try {
                url = path.toAbsolutePath().toUri().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return url;
    }

    /** The file {@code name} stands for. */
    Path resolve(String name, Class<?> testClass, String on) {
        URL url = locate(name, testClass);
        if (url != null) {
            return file(url, name);
        }
        throw new Misuse(on + ": template = \"" + name + "\" was found neither on the class path (next to "
                + testClass.getSimpleName() + " or at the root, e.g. src/test/resources/" + name + ") nor as a file"
                + " relative to " + Path.of("").toAbsolutePath() + "; put it there or give its path");
    }

    private Path file(URL url, String name) {
        try {
            if (url.getProtocol().equals("file")) {
                return Path.of(url.toURI());
            }
            if (scratch == null) {
                scratch = Files.createTempDirectory("simstack-templates");
            }
            Path copy = scratch.resolve(Path.of(name).getFileName().toString());
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read template " + url, e);
        }
    }

    @Override
    public void close() {
        if (scratch != null) {
            try (var files = Files.list(scratch)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(scratch);
            } catch (IOException e) {
                // A scratch copy left in the temp directory is harmless.
            }
        }
    }
}
