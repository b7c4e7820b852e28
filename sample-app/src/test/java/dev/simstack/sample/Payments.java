package dev.simstack.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import dev.simstack.core.Stack;
import dev.simstack.fixtures.HttpDependency;
import dev.simstack.fixtures.HttpDependencySpec;
import dev.simstack.fixtures.HttpFault;
import dev.simstack.fixtures.RequestKey;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The payment provider of the fault tests: the fixtures' {@link HttpDependency} named {@value #NAME}, which
 * records every charge in the stack's ledger (keyed by the order id in its body, which the naive worker sends too,
 * without an {@code Idempotency-Key}), so that
 * {@code assertThat(stack).idempotency().ofHttpCalls("payments")} counts them, and applies its faults on the
 * stack's clock. The worker is pointed at it as {@code sam deploy --parameter-overrides PaymentUrl=...} would.
 */
final class Payments {

    static final String NAME = "payments";

    private Payments() {
    }

    /**
     * Starts the provider for {@code stack} with {@code faults}; {@code POST /charges} answers 201
     * {@code {"chargeId":"ch-<orderId>"}}. Close it after the test.
     */
    static HttpDependency start(Stack stack, LambdaClient lambda, HttpFault... faults) {
        return start(stack, lambda, null, faults);
    }

    /** As {@link #start(Stack, LambdaClient, HttpFault...)}, running the worker with {@code handler}. */
    static HttpDependency start(Stack stack, LambdaClient lambda, String handler, HttpFault... faults) {
        HttpDependencySpec spec = HttpDependencySpec.named(NAME).withBusinessKey(RequestKey.jsonField("orderId"));
        for (HttpFault fault : faults) {
            spec = spec.withFault(fault);
        }
        HttpDependency payments = HttpDependency.start(stack, spec);
        payments.stubFor(post(urlEqualTo("/charges")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"chargeId\":\"ch-{{jsonPath request.body '$.orderId'}}\"}")
                .withTransformers("response-template")));
        PaymentProviderStub.pointWorkerAt(lambda, payments.url().toString(), handler);
        return payments;
    }
}
