package dev.simstack.server;

import java.io.IOException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The resource files the launcher applies at start, and the class loader of the handlers they name. */
final class ResourceFileList {

    private ResourceFileList() {
    }

    /** The templates, then the init directory's files in name order. */
    static List<Path> of(List<Path> templates, Path initDir) {
        List<Path> files = new ArrayList<>();
        for (Path template : templates) {
            if (!Files.isRegularFile(template)) {
                throw new IllegalArgumentException("--template " + template + ": no such file");
            }
            files.add(template);
        }
        if (initDir != null) {
            if (!Files.isDirectory(initDir)) {
                throw new IllegalArgumentException("--init " + initDir + ": not a directory");
            }
            try (Stream<Path> listing = Files.list(initDir)) {
                listing.filter(f -> f.getFileName().toString().matches(".*\\.(ya?ml|json)")).sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new IllegalArgumentException("--init " + initDir + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** A class loader over {@code classpath} (jars and directories), parent the launcher's own. */
    static ClassLoader handlerLoader(String classpath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("--classpath entry " + entry + " does not exist");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("--classpath entry " + entry + ": " + e.getMessage(), e);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), Launcher.class.getClassLoader());
    }
}
