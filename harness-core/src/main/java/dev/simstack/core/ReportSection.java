package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A section of its own that a caller adds to a stack's report ({@link Stack#report(java.nio.file.Path, java.util.List)}),
 * shown after the stack's summary as a heading and preformatted text: a demo's cost estimate or advice, say.
 * The text is shown as written (escaped, in a fixed-width font), so aligned columns stay aligned.
 *
 * @param title the section's heading
 * @param text its body, plain text; line breaks are kept
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record ReportSection(String title, String text) {

    /** Checks that both parts are there. */
    public ReportSection {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }
}
