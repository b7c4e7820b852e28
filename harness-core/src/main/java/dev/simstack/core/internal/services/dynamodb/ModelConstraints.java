package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.AwsException;
import java.util.ArrayList;
import java.util.List;

/**
 * The constraints of the API model (lengths, patterns, enums, ranges, required members), which AWS checks
 * all at once before anything else: every broken one is listed, joined with "; ", after a count
 * ("1 validation error detected: ..." or "3 validation errors detected: ...").
 */
final class ModelConstraints {

    private ModelConstraints() {
    }

    /** One or more broken constraints, each worded "Value ... at 'member' failed to satisfy constraint: ...". */
    static final class Violation extends AwsException {

        private static final long serialVersionUID = 1L;

        private final List<String> details;

        Violation(List<String> details) {
            super("ValidationException", 400, message(details));
            this.details = List.copyOf(details);
        }

        List<String> details() {
            return details;
        }
    }

    /** The wording of one broken constraint. */
    static String detail(String value, String member, String constraint) {
        return "Value " + value + " at '" + member + "' failed to satisfy constraint: " + constraint;
    }

    static String message(List<String> details) {
        return details.size() + (details.size() == 1 ? " validation error" : " validation errors") + " detected: "
                + String.join("; ", details);
    }

    /**
     * Runs every check of a request's members and fails with all the constraints they found broken; a check
     * that fails for another reason is left to the operation, which runs it again in its own order.
     */
    static void checkAll(Runnable... checks) {
        List<String> details = new ArrayList<>();
        for (Runnable check : checks) {
            try {
                check.run();
            } catch (Violation violation) {
                details.addAll(violation.details());
            } catch (AwsException other) {
                // not a model constraint: the operation answers it after the model's checks pass
            }
        }
        if (!details.isEmpty()) {
            throw new Violation(details);
        }
    }
}
