package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.junit.FaultPlanFile;
import dev.simstack.junit.internal.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@link FaultPlanFile} as the plan its file holds, found as templates are. */
public final class PlanFileFaults implements DeclarationInClass<FaultPlanFile> {

    @Override
    public FaultPlan plan(FaultPlanFile file, Stack stack, Class<?> declaringClass) {
        URL url = Templates.locate(file.value(), declaringClass);
        if (url == null) {
            throw new IllegalArgumentException("\"" + file.value() + "\" was found neither on the class path (next to "
                    + declaringClass.getSimpleName() + " or at the root, e.g. src/test/resources/" + file.value()
                    + ") nor as a file relative to " + Path.of("").toAbsolutePath() + "; put it there or give its path");
        }
        try (InputStream in = url.openStream()) {
            return FaultPlan.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file.value());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fault plan " + url, e);
        }
    }
}
