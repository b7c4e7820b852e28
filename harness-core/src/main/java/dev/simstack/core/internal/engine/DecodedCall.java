package dev.simstack.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.ServiceCall;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One decoded request on its way to a service, as the engine holds it: the public {@link ServiceCall} view
 * plus the input in the shape of the service's JSON protocol (whatever protocol it arrived in), the wire
 * protocol and the Host header. Services read this; interceptors see only {@link ServiceCall}, whose
 * members are this input as plain values ({@link InputMembers}) and whose resource is read from it once
 * ({@link CallResources}).
 */
public final class DecodedCall implements ServiceCall {

    private final String service;
    private final String operation;
    private final String region;
    private final String accountId;
    private final String requestId;
    private final String protocol;
    private final String accessKeyId;
    private final String host;
    private final Instant arrival;
    private final ObjectNode input;
    private final BiFunction<String, JsonNode, String> resourceNames;
    private volatile String fault;
    /** The resource addressed, read on first use; null until then. */
    private volatile Optional<ResourceRef> resource;

    public DecodedCall(String service, String operation, String region, String accountId, String requestId,
            String protocol, String accessKeyId, String host, Instant arrival, ObjectNode input) {
        this(service, operation, region, accountId, requestId, protocol, accessKeyId, host, arrival, input,
                (name, members) -> null);
    }

    /**
     * @param resourceNames the service's reading of a resource name that no input member holds
     *     ({@link Service#resourceNameOf})
     */
    public DecodedCall(String service, String operation, String region, String accountId, String requestId,
            String protocol, String accessKeyId, String host, Instant arrival, ObjectNode input,
            BiFunction<String, JsonNode, String> resourceNames) {
        this.resourceNames = Objects.requireNonNull(resourceNames, "resourceNames");
        this.service = Objects.requireNonNull(service, "service");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.accessKeyId = accessKeyId;
        this.host = host;
        this.arrival = Objects.requireNonNull(arrival, "arrival");
        this.input = Objects.requireNonNull(input, "input");
    }

    @Override
    public AwsService service() {
        return AwsService.bySigningName(service);
    }

    /** The service's signing name, e.g. {@code sqs}. */
    public String signingName() {
        return service;
    }

    /** The operation name as the service model spells it, e.g. {@code ReceiveMessage}. */
    @Override
    public String operation() {
        return operation;
    }

    /** The region from the request's SigV4 credential scope (the stack's default region if unsigned). */
    @Override
    public String region() {
        return region;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    /** The request id answered in {@code x-amzn-RequestId}. */
    @Override
    public String requestId() {
        return requestId;
    }

    /** The wire protocol the request came in: {@code json} or {@code query}. */
    public String protocol() {
        return protocol;
    }

    /** The access key id of the caller's credentials, or {@code null} for an unsigned request. */
    @Override
    public String accessKeyId() {
        return accessKeyId;
    }

    /** The {@code Host} header the caller used, for URLs that must point back at this endpoint. */
    public String host() {
        return host;
    }

    /** When the request arrived, on the stack's clock. */
    @Override
    public Instant arrival() {
        return arrival;
    }

    /** The input in the JSON protocol's shape; services read it, interceptors may inspect it. */
    public ObjectNode input() {
        return input;
    }

    @Override
    public Optional<ResourceRef> resource() {
        Optional<ResourceRef> known = resource;
        if (known == null) {
            // Computed at most a few times under a race, always to the same value: no lock needed.
            known = Optional.ofNullable(CallResources.of(this));
            resource = known;
        }
        return known;
    }

    /** The name of the resource the service reads from the input where no member names one, or null. */
    String resourceNameFromService() {
        return resourceNames.apply(operation, input);
    }

    @Override
    public Optional<Object> member(String name) {
        return InputMembers.one(this, Objects.requireNonNull(name, "name"));
    }

    @Override
    public Map<String, Object> members() {
        return InputMembers.all(this);
    }

    /** Records that an interceptor applied {@code description} to this call; the ledger shows it. */
    @Override
    public void noteFault(String description) {
        this.fault = description;
    }

    /** The fault noted on this call, or {@code null}. */
    @Override
    public String fault() {
        return fault;
    }

    @Override
    public String toString() {
        return service + "." + operation + " in " + region + " (" + requestId + ")";
    }
}
