package dev.simstack.core.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class DeclaredApiResetTest {

    @Test
    void a_declared_api_keeps_its_id_and_invoke_url_across_resets() throws Exception {
        try (Stack stack = StackConfig.defaults().withQueue(QueueSpec.named("orders"))
                .withApi(ApiSpec.rest("shop").withRoute("POST /orders", ApiSpec.Integration.sqs("orders")))
                .start()) {
            URI before = stack.api("shop").url();

            stack.reset();

            assertThat(stack.api("shop").url()).isEqualTo(before);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(before + "/orders")).POST(HttpRequest.BodyPublishers.ofString("o-1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(stack.queue("orders").depth().visible()).isEqualTo(1);
        }
    }
}
