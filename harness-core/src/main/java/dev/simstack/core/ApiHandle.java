package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.internal.stack.Engine;
import java.net.URI;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A live view of one API Gateway API of a running stack, by its name, taken with {@link Stack#api(String)}.
 * An API's id is minted when it is created, so each read looks the API up by region and name again: after a
 * reset re-creates a declared API, the same handle answers the new id and URL.
 *
 * <p>If the API is deleted (or a reset empties the stack and does not declare it again) after the handle was
 * taken, every read throws an {@link IllegalStateException} saying so; it does too if several APIs of that
 * name exist by then.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class ApiHandle {

    private final Engine engine;
    private final String region;
    private final String name;

    ApiHandle(Engine engine, String region, String name) {
        this.engine = engine;
        this.region = region;
        this.name = name;
    }

    /** The API's id, e.g. {@code a1b2c3d4e5}. */
    public String id() {
        List<String> ids = engine.apiGateway().apiIds(region, name);
        if (ids.isEmpty()) {
            throw ResourceHandles.deleted(ResourceHandles.Kind.API, region, name);
        }
        if (ids.size() > 1) {
            throw new IllegalStateException(ambiguous(region, name, ids));
        }
        return ids.get(0);
    }

    /** The API's identity: region, account and id (API ARNs name APIs by id). */
    public ResourceRef ref() {
        return ResourceRef.api(region, engine.config().accountId(), id());
    }

    /**
     * The stage the API serves: the declared stage of an API from {@link StackConfig#withApi}, the first one
     * created for an API built through the control plane.
     *
     * @throws IllegalStateException if the API has no stage yet (deploy it first)
     */
    public String stage() {
        return stageOf(id());
    }

    private String stageOf(String id) {
        String stage = engine.apiGateway().firstStage(id);
        if (stage == null) {
            throw new IllegalStateException("API '" + name + "' (" + id + ") in " + region + " has no stage yet:"
                    + " create a deployment with a stage name first");
        }
        return stage;
    }

    /**
     * The base URL of the API at its stage, e.g.
     * {@code http://127.0.0.1:53211/_aws/execute-api/a1b2c3d4e5/prod}; append the resource path.
     */
    public URI url() {
        String id = id();
        return URI.create("http://" + engine.hostAndPort() + "/_aws/execute-api/" + id + "/" + stageOf(id));
    }

    /**
     * How many requests the API has taken in and decided since it was created (by the stack's start or its last
     * reset, for a declared API): throttled, refused (usage plan, unknown stage or route), or handed to its
     * integration, whether or not the integration has answered yet. A load generator driving a manual clock
     * waits for its request to be counted here before it moves the clock, so that API Gateway's token buckets
     * read the clock at the request's own arrival however slowly the request travelled.
     *
     * @return the count
     * @throws IllegalStateException if the API no longer exists
     */
    public long requestsDecided() {
        long decided = engine.apiGateway().requestsDecided(id());
        if (decided < 0) {
            throw ResourceHandles.deleted(ResourceHandles.Kind.API, region, name);
        }
        return decided;
    }

    /**
     * How many requests the API has answered since it was created (by the stack's start or its last reset, for a
     * declared API), counted when the answer is recorded in the ledger, before it is written to the caller. A load
     * generator driving a manual clock compares it with the answers it has received, so that it stamps each answer
     * at the virtual instant it was given however slowly the answer travelled.
     *
     * @return the count
     * @throws IllegalStateException if the API no longer exists
     */
    public long requestsAnswered() {
        long answered = engine.apiGateway().requestsAnswered(id());
        if (answered < 0) {
            throw ResourceHandles.deleted(ResourceHandles.Kind.API, region, name);
        }
        return answered;
    }

    static String ambiguous(String region, String name, List<String> ids) {
        return "there are " + ids.size() + " APIs named '" + name + "' in " + region + " (ids " + String.join(", ", ids)
                + "); API Gateway allows that, a handle by name cannot tell them apart: give them distinct names";
    }

    @Override
    public String toString() {
        return "ApiHandle[apigateway:" + region + "/" + name + "]";
    }
}
