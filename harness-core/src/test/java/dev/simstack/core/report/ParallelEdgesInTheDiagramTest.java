package dev.simstack.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.ApiSpec.Integration;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two routes of an API to the same target are one edge of the diagram, labelled with both. */
class ParallelEdgesInTheDiagramTest {

    @Test
    void two_routes_to_one_target_share_an_edge_that_names_both(@TempDir Path dir) throws Exception {
        try (Stack stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(3)
                .withQueue(QueueSpec.named("orders"))
                .withApi(ApiSpec.rest("ingest").withRoute("POST /orders", Integration.sqs("orders"))
                        .withRoute("PUT /orders", Integration.sqs("orders")))
                .start()) {
            String html = Files.readString(stack.report(dir.resolve("report.html")));

            String api = "apigateway_us_east_1_" + stack.api("ingest").id();
            assertThat(html).contains(api + " --&gt;|&quot;POST /orders, PUT /orders&quot;| sqs_us_east_1_orders\n")
                    .doesNotContain(api + " --&gt;|&quot;PUT /orders&quot;|")
                    // the drawing stacks the routes, one line each, where one line would run into the boxes
                    .containsPattern("<tspan x=\"[0-9.]+\" y=\"[0-9.]+\">POST /orders</tspan><tspan x=\"[0-9.]+\" "
                            + "y=\"[0-9.]+\">PUT /orders</tspan></text>");
        }
    }
}
