package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.protocol.restxml.RequestPayload;
import dev.simstack.core.internal.protocol.restxml.RestInput;
import java.time.Instant;

/** One S3 call as the operations read it: the engine's call plus its REST-bound input. */
final class S3Call {

    private final DecodedCall call;
    private final RestInput input;

    S3Call(DecodedCall call) {
        this.call = call;
        this.input = new RestInput(call.input());
    }

    String bucket() {
        return input.bucket();
    }

    String key() {
        return input.key();
    }

    String header(String name) {
        return input.header(name);
    }

    String query(String name) {
        return input.query(name);
    }

    boolean hasQuery(String name) {
        return input.hasQuery(name);
    }

    RestInput input() {
        return input;
    }

    RequestPayload payload() {
        return input.payload();
    }

    String operation() {
        return call.operation();
    }

    String region() {
        return call.region();
    }

    String requestId() {
        return call.requestId();
    }

    String accountId() {
        return call.accountId();
    }

    /** When the request arrived, on the stack's clock: S3 stamps Last-Modified with it. */
    Instant arrival() {
        return call.arrival();
    }

    /** Who made this request, as the ledger and event notifications name it. */
    S3Requester requester() {
        return new S3Requester(call.operation(), call.requestId(), call.accessKeyId());
    }

    /** The Host the client used, for Location URLs. */
    String host() {
        return call.host();
    }
}
