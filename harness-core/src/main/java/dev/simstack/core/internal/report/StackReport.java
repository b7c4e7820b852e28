package dev.simstack.core.internal.report;

import dev.simstack.core.Interceptor;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ReportSection;
import dev.simstack.core.internal.stack.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a stack at one moment and writes its report: the entry point of this package. */
public final class StackReport {

    private StackReport() {
    }

    /**
     * Writes the report of {@code engine}'s stack, reached at {@code endpoint}, to {@code file} (creating its
     * directories), and answers the file.
     */
    public static Path write(Engine engine, String endpoint, Path file) {
        return write(engine, endpoint, file, List.of());
    }

    /** {@link #write(Engine, String, Path)} with the caller's {@code sections} after the stack's summary. */
    public static Path write(Engine engine, String endpoint, Path file, List<ReportSection> sections) {
        String html = ReportPage.render(read(engine, endpoint), sections);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the stack's report to " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    static ReportInput read(Engine engine, String endpoint) {
        List<LedgerEntry> entries = engine.context().ledger().entries();
        ResourceGraph graph = ResourceGraph.of(engine, entries);
        Names names = new Names(graph.multiRegion(), id -> engine.apiGateway().apiName(id));
        List<String> regions = new ArrayList<>(engine.config().regions());
        List<String> interceptors = engine.config().interceptors().stream().map(Interceptor::toString).toList();
        long seed = engine.context().random().seed();
        return new ReportInput("Stack report · seed " + seed, engine.context().clock().now().toString(), seed,
                engine.config().clock().toString(), regions, endpoint, engine.config().accountId(), interceptors,
                entries, engine.context().ledger().evicted(), graph, names);
    }
}
