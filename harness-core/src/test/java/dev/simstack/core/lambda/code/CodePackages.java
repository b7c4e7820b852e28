package dev.simstack.core.lambda.code;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds code packages at test time, as a build tool would: Java sources compiled with the JDK's compiler
 * (against aws-lambda-java-core, and any jars given) into class files, zipped as a jar or as AWS's Java
 * layout ({@code lib/*.jar} beside the classes).
 */
public final class CodePackages {

    private final Path work;

    public CodePackages(Path work) {
        this.work = work;
    }

    /** The class files of {@code sources} (class name to source), by their path in a jar. */
    public Map<String, byte[]> compile(Map<String, String> sources, byte[]... classPathJars) {
        try {
            Path dir = Files.createTempDirectory(work, "build-");
            Path src = Files.createDirectories(dir.resolve("src"));
            Path out = Files.createDirectories(dir.resolve("classes"));
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-classpath",
                    classPath(dir, classPathJars)));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            if (javac.run(null, null, errors, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("javac failed: " + errors);
            }
            Map<String, byte[]> classes = new LinkedHashMap<>();
            try (Stream<Path> files = Files.walk(out)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    classes.put(out.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar (a zip) of {@code entries}, by path. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The class file of {@code type} as its own jar holds it (to bundle a copy of a runtime type). */
    static byte[] classFile(Class<?> type) {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classPath(Path dir, byte[]... jars) throws IOException {
        List<String> entries = new ArrayList<>();
        try {
            entries.add(Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < jars.length; i++) {
            Path jar = dir.resolve("dep-" + i + ".jar");
            Files.write(jar, jars[i]);
            entries.add(jar.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
