package dev.simstack.junit.internal.backend;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * Records what an injected client of a remote backend sees in its {@link ClientLedger}: one
 * {@link LedgerEntry.Request} per attempt (the SDK's retries each get one, an attempt a client-side fault answered
 * too, with the fault's name), and, from the call's request and final answer, the message steps, item writes and
 * object writes it shows ({@link ClientEffects}). Resources are named as the test declared them.
 */
final class LedgerRecorder implements ExecutionInterceptor {

    private static final ExecutionAttribute<Call> CALL = new ExecutionAttribute<>("SimStackRecordedCall");

    private final ClientLedger ledger;
    private final ClientEffects effects;
    private final Map<String, String> declared;

    LedgerRecorder(ClientLedger ledger, ClientEffects effects, Map<String, String> declared) {
        this.ledger = ledger;
        this.effects = effects;
        this.declared = declared;
    }

    /** A call: what a fault rule matches, the request with the declared names, the queue's account if known. */
    private static final class Call {
        final SdkCall call;
        final Object request;
        final String account;
        /** The attempt under way, or null; attempts of one call follow each other. */
        volatile Attempt attempt;

        Call(SdkCall call, Object request, String account) {
            this.call = call;
            this.request = request;
            this.account = account;
        }
    }

    /** One attempt's answer, filled in as it arrives. */
    private static final class Attempt {
        final Instant start;
        /** The call's faulted attempt before this one began: another one at the end means this one was faulted. */
        final ClientFaults.Faulted faultedBefore;
        volatile int status;
        volatile String errorCode;

        Attempt(Instant start, ClientFaults.Faulted faultedBefore) {
            this.start = start;
            this.faultedBefore = faultedBefore;
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        SdkCall.of(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), region == null ? "" : region.id(),
                context.request(), declared).ifPresent(call -> attributes.putAttribute(CALL,
                        new Call(call, context.request(), ClientEffects.queueAccount(context.request()))));
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null) {
            finish(call, attributes, null);
            call.attempt = new Attempt(ledger.now(), ClientFaults.faulted(attributes));
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        Attempt attempt = call == null ? null : call.attempt;
        if (attempt != null) {
            SdkHttpResponse response = context.httpResponse();
            attempt.status = response.statusCode();
            attempt.errorCode = response.isSuccessful() ? null : errorCode(response);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null) {
            finish(call, attributes, null);
            effects.answered(call.call, call.account, call.request, context.response());
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null) {
            finish(call, attributes, context.exception());
            if (context.exception() instanceof AwsServiceException e && e.awsErrorDetails() != null) {
                effects.refused(call.call, call.request, e.awsErrorDetails().errorCode(), e);
            }
        }
    }

    /** Records the attempt under way, if any: its answer, or {@code failure}, or the fault that answered it. */
    private void finish(Call call, ExecutionAttributes attributes, Throwable failure) {
        Attempt attempt = call.attempt;
        if (attempt == null) {
            return;
        }
        call.attempt = null;
        ClientFaults.Faulted faulted = ClientFaults.faulted(attributes);
        String fault = faulted != null && faulted != attempt.faultedBefore ? faulted.rule.name() : null;
        int status = attempt.status;
        String errorCode = attempt.errorCode;
        if (fault != null && faulted.rule.error() != null) {
            status = faulted.rule.error().status();
            errorCode = faulted.rule.error().code();
        } else if (fault == null && failure instanceof AwsServiceException e && e.awsErrorDetails() != null) {
            status = e.statusCode();
            errorCode = e.awsErrorDetails().errorCode();
        }
        SdkCall sdk = call.call;
        ResourceRef resource = sdk.resource() == null ? null : new ResourceRef(sdk.service(), sdk.region(),
                sdk.service() == AwsService.SQS && call.account != null ? call.account : "", sdk.resource());
        int answered = status;
        String code = errorCode;
        ledger.append((sequence, at) -> new LedgerEntry.Request(sequence, at, sdk.service(), sdk.operation(),
                sdk.region(), resource, protocol(sdk.service()), answered, code, fault,
                Duration.between(attempt.start, at)));
    }

    /** The AWS error code a JSON or Query answer carries in its headers, if it does (else the final one). */
    private static String errorCode(SdkHttpResponse response) {
        String type = response.firstMatchingHeader("x-amzn-ErrorType")
                .or(() -> response.firstMatchingHeader("x-amzn-query-error")).orElse(null);
        if (type == null) {
            return null;
        }
        String code = type.split("[:;]", 2)[0];
        return code.substring(code.lastIndexOf('#') + 1);
    }

    private static String protocol(AwsService service) {
        return switch (service) {
            case SQS, DYNAMODB -> "json";
            case S3 -> "rest-xml";
            default -> "sdk";
        };
    }
}
