package dev.simstack.server;

import dev.simstack.core.AppliedResources;
import dev.simstack.core.ResetListener;
import dev.simstack.core.Stack;
import dev.simstack.fault.FaultInjector;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The resources of the launcher's resource files ({@code --template}, {@code --init}), applied at start and
 * again after every reset, with the fault plan paused meanwhile: so a reset brings back the state right
 * after start (without what a data directory had loaded), and the files' resources are made fault-free.
 */
final class StartupResources implements ResetListener {

    private final List<Path> files;
    private final FaultInjector injector;
    private final PrintStream out;

    /** @param injector the fault plan's injector, or null without {@code --faults} */
    StartupResources(List<Path> files, FaultInjector injector, PrintStream out) {
        this.files = List.copyOf(files);
        this.injector = injector;
        this.out = out;
    }

    /**
     * Applies every file in order, printing what each did.
     *
     * @throws IllegalArgumentException naming the file and the resource that could not be created
     */
    List<AppliedResources> apply(Stack stack) {
        List<AppliedResources> all = new ArrayList<>();
        if (injector != null) {
            injector.pause();
        }
        try {
            for (Path file : files) {
                AppliedResources applied = stack.apply(file);
                print(file, applied);
                all.add(applied);
            }
        } finally {
            if (injector != null) {
                injector.resume();
            }
        }
        return all;
    }

    @Override
    public List<AppliedResources> afterReset(Stack stack) {
        out.println(files.isEmpty() ? "Reset: every service is empty." : "Reset: every service is empty; applying "
                + "the resource files again.");
        return apply(stack);
    }

    private void print(Path file, AppliedResources applied) {
        out.println("Applied " + file + ":");
        applied.resources().forEach(r -> out.println("  " + r.outcome().name().toLowerCase(Locale.ROOT) + " "
                + r.type() + " " + r.logicalId() + (r.physicalId() == null || r.physicalId().equals(r.logicalId())
                        ? "" : " -> " + r.physicalId())));
        applied.outputs().forEach((k, v) -> out.println("  output " + k + " = " + v));
    }
}
