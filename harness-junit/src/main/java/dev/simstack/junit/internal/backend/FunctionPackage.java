package dev.simstack.junit.internal.backend;

import dev.simstack.junit.internal.Misuse;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A function's deployment package made from the test class path, laid out as Lambda's Java runtime reads it:
 * the classes of the class path's directories at the root, its jars in {@code lib/}. What the package leaves
 * out is what runs the tests and never a handler: the JDK, SimStack's own modules, the JUnit platform and the
 * usual test libraries (recognised by the packages they hold), and the jars the run names in
 * {@code simstack.functions.exclude}. The entry that holds the handler's class is always in.
 */
final class FunctionPackage {

    /** The run setting naming jars (by file name prefix) a function's package leaves out. */
    static final String FUNCTIONS_EXCLUDE = "simstack.functions.exclude";

    /**
     * The run setting lowering the zipped size above which a package goes through S3 (bytes); Lambda's 50 MB when
     * absent. For tests of that path, which should not have to make 50 MB.
     */
    static final String DIRECT_UPLOAD_SETTING = "simstack.functions.directUploadLimit";

    /** Lambda's limit on a zip uploaded directly ({@code ZipFile}), 50 MB zipped; above it, through S3. */
    static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

    /** Lambda's limit on a package unzipped (262,144,000 bytes, "250 MB"), however it is uploaded. */
    static final long UNZIPPED_LIMIT = 250L * 1024 * 1024;

    /** The packages of code that runs tests: an entry holding any of them is not the handler's code. */
    private static final List<String> TEST_CODE = List.of("dev/simstack/core/", "dev/simstack/junit/",
            "dev/simstack/fault/", "dev/simstack/fixtures/", "dev/simstack/assertions/", "org/junit/",
            "org/opentest4j/", "org/apiguardian/", "org/apache/maven/surefire/", "org/assertj/", "org/awaitility/",
            "org/hamcrest/", "org/mockito/", "net/bytebuddy/", "net/jqwik/", "com/tngtech/archunit/",
            "org/testcontainers/", "com/github/dockerjava/", "com/sun/jna/", "org/rnorth/ducttape/");

    private final byte[] zip;
    private final long unzipped;
    private final List<Path> entries;

    private FunctionPackage(Zipped zipped, List<Path> entries) {
        this.zip = zipped.bytes();
        this.unzipped = zipped.unzipped();
        this.entries = entries;
    }

    /** A zip and the bytes it holds unzipped. */
    private record Zipped(byte[] bytes, long unzipped) {
    }

    /**
     * The package of {@code handlerEntry} (the class-path entry holding the handler) and the rest of
     * {@code classPath} that a handler may need.
     *
     * @param excluded jar file name prefixes the run leaves out, e.g. {@code testcontainers}
     */
    static FunctionPackage of(Path handlerEntry, List<Path> classPath, List<String> excluded) {
        Set<Path> chosen = new LinkedHashSet<>();
        chosen.add(handlerEntry);
        Path jdk = Paths.get(System.getProperty("java.home"));
        for (Path entry : classPath) {
            if (Files.exists(entry) && !entry.startsWith(jdk) && !namedOut(entry, excluded) && !holdsTestCode(entry)) {
                chosen.add(entry);
            }
        }
        List<Path> entries = List.copyOf(chosen);
        return new FunctionPackage(zip(entries), entries);
    }

    /** The test class path: what the JVM was started with (Surefire puts the test class path there too). */
    static List<Path> testClassPath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Paths.get(entry).toAbsolutePath().normalize());
            }
        }
        return entries;
    }

    /** The class-path entry (directory or jar) {@code handler} was loaded from. */
    static Path entryOf(Class<?> handler) {
        CodeSource source = handler.getProtectionDomain().getCodeSource();
        try {
            if (source != null && source.getLocation() != null) {
                return Paths.get(source.getLocation().toURI()).toAbsolutePath().normalize();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // reported below
        }
        throw new Misuse("cannot tell which class-path entry " + handler.getName() + " was loaded from, so it cannot"
                + " be packaged for the backend");
    }

    byte[] zip() {
        return zip;
    }

    /** The zipped size in MB, one decimal, as messages say it. */
    String megabytes() {
        return megabytes(zip.length);
    }

    /** The size of what the package holds, unzipped, in bytes. */
    long unzippedSize() {
        return unzipped;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Whether Lambda takes the package directly ({@code ZipFile}) under {@code limit} zipped bytes. */
    boolean uploadsDirectly(long limit) {
        return zip.length <= limit;
    }

    /** The class-path entries the package was made of. */
    List<Path> entries() {
        return entries;
    }

    /** Fails naming the function, the size and the way out when the package is above Lambda's unzipped limit. */
    void checkSize(String function) {
        checkSize(function, UNZIPPED_LIMIT);
    }

    /** @param limit the most bytes the package may hold unzipped */
    void checkSize(String function, long limit) {
        if (unzipped > limit) {
            throw new Misuse("the deployment package of function '" + function + "' is " + megabytes(unzipped)
                    + " unzipped (" + megabytes() + " zipped), above Lambda's limit of 250 MB unzipped for a"
                    + " package uploaded through S3; it holds " + entries.size()
                    + " entries of the test class path: leave out the jars the handler does not need with -D"
                    + FUNCTIONS_EXCLUDE + "=<jar name prefixes, comma-separated>, or pin the class with"
                    + " @SimStack(backend = Backend.EMBEDDED)");
        }
    }

    private static boolean namedOut(Path entry, List<String> excluded) {
        String name = entry.getFileName().toString();
        return name.endsWith(".jar") && excluded.stream().anyMatch(name::startsWith);
    }

    private static boolean holdsTestCode(Path entry) {
        if (Files.isDirectory(entry)) {
            return TEST_CODE.stream().anyMatch(prefix -> Files.isDirectory(entry.resolve(prefix)));
        }
        try (ZipFile jar = new ZipFile(entry.toFile())) {
            // A jar without classes (JUnit's and jqwik's aggregator jars) has nothing for a handler either.
            return jar.stream().noneMatch(e -> e.getName().endsWith(".class")
                    && !e.getName().endsWith("module-info.class"))
                    || jar.stream().anyMatch(e -> TEST_CODE.stream().anyMatch(e.getName()::startsWith));
        } catch (IOException e) {
            return true; // not a jar the JVM could load classes from either
        }
    }

    private static Zipped zip(List<Path> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> written = new HashSet<>();
        long unzipped = 0;
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            // Jars are compressed already; the fastest level keeps a package of many jars quick to make.
            zip.setLevel(Deflater.BEST_SPEED);
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    unzipped += addDirectory(zip, entry, written);
                } else {
                    unzipped += add(zip, "lib/" + unique(entry.getFileName().toString(), written), entry, written);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a deployment package of " + entries, e);
        }
        return new Zipped(bytes.toByteArray(), unzipped);
    }

    /** Adds the directory's files at the zip's root; the bytes added. */
    private static long addDirectory(ZipOutputStream zip, Path directory, Set<String> written) throws IOException {
        long added = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
            // Two directories holding one name: the first on the class path wins, as it does for the class loader.
            if (!written.contains(name)) {
                added += add(zip, name, file, written);
            }
        }
        return added;
    }

    private static String unique(String jar, Set<String> written) {
        String name = jar;
        for (int i = 2; written.contains("lib/" + name); i++) {
            name = jar.substring(0, jar.length() - ".jar".length()) + "-" + i + ".jar";
        }
        return name;
    }

    private static long add(ZipOutputStream zip, String name, Path file, Set<String> written) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        long added = Files.copy(file, zip);
        zip.closeEntry();
        written.add(name);
        return added;
    }
}
