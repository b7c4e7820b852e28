package dev.simstack.core.internal.stack;

import dev.simstack.core.AwsException;
import dev.simstack.core.AwsService;
import dev.simstack.core.CallResult;
import dev.simstack.core.Interceptor;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.protocol.Errors;
import dev.simstack.core.internal.engine.ResetGate;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.ProtocolCodec;
import dev.simstack.core.internal.protocol.SigV4Scope;
import dev.simstack.core.internal.protocol.WireCut;
import dev.simstack.core.internal.server.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's request path: route, decode, run the interceptors and the service, encode the answer or
 * the AWS error, and record the request in the ledger. Nothing escapes as a stack trace on the wire.
 */
public final class Dispatcher implements RequestHandler {

    private static final Logger REQUESTS = LoggerFactory.getLogger("dev.simstack.requests");
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private final StackContext context;
    private final Router router;
    private final AccountBoundary accounts;
    private final InterceptorChain chain;
    private final HealthEndpoint health;
    private final ResetEndpoint reset;

    /**
     * @param context the default account's context: the clock, ids, ledger and activity every account shares
     * @param accounts which account each request acts in, and the refusal of a reach into another
     * @param workers where calls that work long run (S3's copies), off the event loop that read them; the caller
     *     counts its tasks as the stack's activity and shuts it down with the stack
     */
    Dispatcher(StackContext context, Router router, AccountBoundary accounts, List<Interceptor> interceptors,
            ResetGate gate, Executor workers, HealthEndpoint health, ResetEndpoint reset) {
        this.context = context;
        this.router = router;
        this.accounts = accounts;
        this.chain = new InterceptorChain(interceptors, gate, workers);
        this.health = health;
        this.reset = reset;
    }

    /**
     * Answers one request. Its synchronous part counts as the stack's activity: whatever it hands on (an invocation,
     * a long poll's wake-up) is counted by what runs it, and a request that waits on the clock (a long poll, a
     * cold start) does not hold the stack busy.
     */
    @Override
    public CompletionStage<HttpAnswer> handle(HttpExchange exchange) {
        context.activity().begin();
        try {
            return dispatch(exchange);
        } catch (RuntimeException e) {
            // A bug before any protocol could answer: still an answer, never a dropped connection.
            LOG.warn("SimStack engine failure on {} {}", exchange.method(), exchange.path(), e);
            byte[] body = ("SimStack engine failure: " + e + ". This is a SimStack bug; please report it.")
                    .getBytes(StandardCharsets.UTF_8);
            return CompletableFuture.completedFuture(new HttpAnswer(500, "text/plain", Map.of(), body));
        } finally {
            context.activity().end();
        }
    }

    private CompletionStage<HttpAnswer> dispatch(HttpExchange exchange) {
        HttpAnswer healthAnswer = health.answer(exchange);
        if (healthAnswer != null) {
            return CompletableFuture.completedFuture(healthAnswer);
        }
        CompletionStage<HttpAnswer> resetAnswer = reset.answer(exchange);
        if (resetAnswer != null) {
            return resetAnswer;
        }
        SigV4Scope scope = SigV4Scope.of(exchange);
        String requestId = context.ids().next();
        AccountServices account = accounts.accountOf(exchange, scope);
        Route route = router.route(account.registry(), exchange, scope);
        if (route == null) {
            return CompletableFuture.completedFuture(unrouted(exchange, requestId));
        }
        ProtocolCodec codec = route.codec();
        if (route.service() == null) {
            AwsException error = unknownService(exchange);
            record(null, "Unknown", scope.region(), null, codec, error.status(), error.code(), null, Duration.ZERO);
            return CompletableFuture.completedFuture(codec.error(null, "Unknown", requestId, error));
        }
        ServiceDescriptor descriptor = route.service().descriptor();
        Instant arrival = context.clock().now();
        ProtocolCodec.Decoded decoded;
        try {
            decoded = codec.decode(exchange, descriptor);
        } catch (AwsException error) {
            record(AwsService.bySigningName(descriptor.signingName()), "Unknown", region(scope), null, codec,
                    error.status(), error.code(), null, Duration.ZERO);
            return CompletableFuture.completedFuture(codec.error(descriptor, "Unknown", requestId, error));
        }
        String unsignedRegion = scope.region() == null
                ? route.service().regionOfUnsignedCall(decoded.operation(), decoded.input()) : null;
        String callRegion = unsignedRegion != null ? unsignedRegion : region(scope);
        DecodedCall call = call(account, route, decoded, callRegion, requestId, codec, scope, exchange, arrival);
        if (scope.accessKeyId() == null) {
            AccountServices owner = accounts.ofUnsigned(call, account);
            if (owner != account) {
                route = new Route(owner.registry().like(descriptor), codec);
                call = call(owner, route, decoded, callRegion, requestId, codec, scope, exchange, arrival);
            }
        }
        AwsException refusal = accounts.refusal(call);
        if (refusal != null) {
            return CompletableFuture.completedFuture(answer(call, codec, descriptor, null, refusal));
        }
        DecodedCall decodedCall = call;
        Route chosen = route;
        return chain.proceed(decodedCall, chosen.service(),
                output -> codec.success(descriptor, decodedCall.operation(), decodedCall.requestId(), output))
                .handle((result, failure) -> answer(decodedCall, codec, descriptor, result, failure));
    }

    /** The call as {@code account}'s service of {@code route} takes it. */
    private static DecodedCall call(AccountServices account, Route route, ProtocolCodec.Decoded decoded,
            String region, String requestId, ProtocolCodec codec, SigV4Scope scope, HttpExchange exchange,
            Instant arrival) {
        return new DecodedCall(route.service().descriptor().signingName(), decoded.operation(), region,
                account.accountId(), requestId, codec.name(), scope.accessKeyId(), exchange.headers().get("Host"),
                arrival, decoded.input(), route.service()::resourceNameOf);
    }

    /** The wire answer of a call's result, or of the failure an interceptor threw; recorded in the ledger. */
    private HttpAnswer answer(DecodedCall call, ProtocolCodec codec, ServiceDescriptor descriptor, CallResult result,
            Throwable failure) {
        Duration latency = Duration.between(call.arrival(), context.clock().now());
        ResourceRef resource = call.resource().orElse(null);
        WireCut cut = failure == null && result != null ? CallResults.cut(result) : null;
        if (cut != null && cut.kind() != WireCut.Kind.TRUNCATED) {
            // Nothing is answered: the ledger says so with status 0 (no HTTP status reached the client).
            record(call.service(), call.operation(), call.region(), resource, codec, 0, null, call.fault(), latency);
            return HttpAnswer.cut(cut);
        }
        if (failure == null && result != null && result.succeeded()) {
            HttpAnswer answer = CallResults.answer(result);
            record(call.service(), call.operation(), call.region(), resource, codec, answer.status(), null,
                    call.fault(), latency);
            return cut == null ? answer : answer.with(cut);
        }
        AwsException error = failure != null ? asAwsError(call, failure)
                : result != null ? result.error().orElseThrow()
                : asAwsError(call, new NullPointerException("an interceptor answered a null CallResult"));
        record(call.service(), call.operation(), call.region(), resource, codec, error.status(), error.code(),
                call.fault(), latency);
        HttpAnswer answer = codec.error(descriptor, call.operation(), call.requestId(), error);
        return cut == null ? answer : answer.with(cut);
    }

    /** {@code failure} as the AWS error answered for it: itself, or the engine's InternalFailure naming it. */
    static AwsException asAwsError(DecodedCall call, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof AwsException) {
            return (AwsException) cause;
        }
        // An engine bug: say so plainly, keep the stack trace in the log, not on the wire.
        LOG.warn("SimStack engine failure in {}", call, cause);
        return new AwsException("InternalFailure", "InternalFailure", 500, false,
                "SimStack's engine failed on " + call.signingName() + "." + call.operation() + ": " + cause
                        + ". This is a SimStack bug; please report it with the seed of the run.");
    }

    /** Records a request; {@code service} is null when the request named no service this stack has. */
    private void record(AwsService service, String operation, String region, ResourceRef resource,
            ProtocolCodec codec, int status, String errorCode, String fault, Duration latency) {
        String signing = service == null ? "unknown" : service.signingName();
        String where = region == null ? context.defaultRegion() : region;
        context.ledger().request(service, operation, where, resource, codec.name(), status, errorCode, fault,
                latency);
        if (REQUESTS.isDebugEnabled()) {
            REQUESTS.debug("{} {}.{} {} -> {}{} in {} ms", codec.name(), signing, operation, where, status,
                    errorCode == null ? "" : " " + errorCode, latency.toMillis());
        }
    }

    private String region(SigV4Scope scope) {
        String region = scope.region();
        return region != null && REGION.matcher(region).matches() ? region : context.defaultRegion();
    }

    private static AwsException unknownService(HttpExchange exchange) {
        String target = exchange.headers().get("X-Amz-Target");
        if (target != null) {
            return Errors.unknownOperation(target);
        }
        return new AwsException("InvalidAction", 400,
                "No service of this stack answers the Query action " + exchange.queryParam("Action")
                        + "; sign the request for one of its services (e.g. sqs).");
    }

    private static HttpAnswer unrouted(HttpExchange exchange, String requestId) {
        String message = "SimStack does not serve " + exchange.method() + " " + exchange.path()
                + ": the request has no X-Amz-Target header and no Action parameter, and is not signed for s3, so"
                + " it names no service this stack has (see docs/compatibility.md for the services served).";
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>")
                .append("UnsupportedService</Code><Message>");
        escapeInto(message, xml);
        xml.append("</Message><RequestId>").append(requestId).append("</RequestId></Error>");
        return new HttpAnswer(400, "application/xml", Map.of("x-amzn-RequestId", requestId),
                xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void escapeInto(String text, StringBuilder out) {
        out.append(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }
}
