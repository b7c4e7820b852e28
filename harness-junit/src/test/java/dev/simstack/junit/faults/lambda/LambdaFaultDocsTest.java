package dev.simstack.junit.faults.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.SemanticFault;
import dev.simstack.junit.DocSnippets;
import org.junit.jupiter.api.Test;

/** The Lambda sections of the fault catalogue show the compiled examples and a plan file that parses. */
class LambdaFaultDocsTest {

    @Test
    void the_catalogue_shows_the_lambda_examples() {
        DocSnippets.assertShows("docs/faults.md", CrashAfterEffectTest.class, "crash-after-effect");
        DocSnippets.assertShows("docs/faults.md", ChargeHandlers.class, "conditional-charge");
        DocSnippets.assertShows("docs/faults.md", InvocationFaultsTest.class, "handler-timeout", "cold-starts",
                "lambda-throttle");
    }

    @Test
    void the_catalogues_lambda_plan_file_parses() {
        String page = DocSnippets.page("faults.md");
        String section = page.substring(page.indexOf("## Lambda faults in a plan file"));
        int start = section.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = section.substring(start, section.indexOf("```", start));

        assertThat(FaultPlan.parse(yaml, "faults.md").semanticFaults()).extracting(SemanticFault::name)
                .containsExactly("crash", "stuck", "slow", "cold", "starved");
    }
}
