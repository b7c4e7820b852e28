package dev.simstack.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The payment provider in tests: a WireMock server that charges every order, and the worker pointed at it
 * (as {@code sam deploy --parameter-overrides PaymentUrl=...} would point it).
 * (A fixture over WireMock that records its calls in the stack's ledger is coming; it will replace this.)
 */
final class PaymentProviderStub {

    private PaymentProviderStub() {
    }

    static WireMockExtension server() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    /** {@code POST /charges} answers {@code {"chargeId":"ch-<orderId>"}}. */
    static void chargesEveryOrder(WireMockExtension payments) {
        payments.stubFor(post(urlEqualTo("/charges")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"chargeId\":\"ch-{{jsonPath request.body '$.orderId'}}\"}")
                .withTransformers("response-template")));
    }

    /** Sets the worker's {@code PAYMENT_URL} (and, given one, its handler), keeping its other variables. */
    static void pointWorkerAt(LambdaClient lambda, String paymentUrl, String handler) {
        Map<String, String> variables = new HashMap<>(lambda.getFunctionConfiguration(b -> b
                .functionName(OrdersApp.WORKER)).environment().variables());
        variables.put("PAYMENT_URL", paymentUrl);
        lambda.updateFunctionConfiguration(b -> {
            b.functionName(OrdersApp.WORKER).environment(e -> e.variables(variables));
            if (handler != null) {
                b.handler(handler);
            }
        });
    }
}
